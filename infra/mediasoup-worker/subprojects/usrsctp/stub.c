int distans_usrsctp_stub;
