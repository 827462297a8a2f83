int distans_libssl_stub;
