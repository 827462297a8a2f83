int distans_libsrtp3_stub;
