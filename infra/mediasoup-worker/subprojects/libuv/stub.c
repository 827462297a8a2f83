int distans_libuv_stub;
