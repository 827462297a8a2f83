int distans_libcrypto_stub;
