/*
 * libsrtp 3.0 API shim over Debian's libsrtp 2.5 (libsrtp2-dev).
 *
 * mediasoup >= 3.16 is written against versatica's libsrtp 3.0 fork, which
 * takes separate input/output buffers and size_t lengths:
 *
 *   srtp_protect(ctx, in, in_len, out, size_t* out_len, mki_index)
 *   srtp_unprotect(ctx, in, in_len, out, size_t* out_len)
 *   srtp_protect_rtcp / srtp_unprotect_rtcp (same shapes)
 *   srtp_stream_remove(ctx, ssrc)
 *   srtp_err_status_buffer_small, srtp_err_status_cryptex_err
 *
 * Debian ships libsrtp 2.5 (headers in <srtp2/>, in-place API with int*
 * lengths). This header is found first as <srtp.h>, includes the real one and
 * adds C++ inline overloads implementing the 3.0 calls: copy the input into
 * `out` (if different), run the 2.5 call in place, report the new length.
 * On *out_len (capacity): protect needs in_len + SRTP_MAX_TRAILER_LEN, unprotect in_len.
 */
#ifndef DISTANS_SRTP3_SHIM_H
#define DISTANS_SRTP3_SHIM_H

#include <srtp2/srtp.h>

#ifdef __cplusplus
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>

/* Error codes added in libsrtp 3.0 (values as in libsrtp 3.0). The 2.5 enum
 * ends at srtp_err_status_pkt_idx_adv = 27; 28 and 29 fit its value range. */
inline constexpr srtp_err_status_t srtp_err_status_buffer_small =
  static_cast<srtp_err_status_t>(28);
inline constexpr srtp_err_status_t srtp_err_status_cryptex_err =
  static_cast<srtp_err_status_t>(29);

namespace distans_srtp3_shim
{
	typedef srtp_err_status_t (*inplace_fn)(srtp_t, void*, int*);
	typedef srtp_err_status_t (*inplace_mki_fn)(srtp_t, void*, int*, unsigned int, unsigned int);

	inline srtp_err_status_t prepare(
	  const uint8_t* in, size_t in_len, uint8_t* out, const size_t* out_len, size_t needed)
	{
		if (in == nullptr || out == nullptr || out_len == nullptr)
			return srtp_err_status_bad_param;
		if (in_len > static_cast<size_t>(INT_MAX) - SRTP_MAX_TRAILER_LEN)
			return srtp_err_status_bad_param;
		if (*out_len < needed)
			return srtp_err_status_buffer_small;
		if (out != in)
			std::memmove(out, in, in_len);
		return srtp_err_status_ok;
	}

	inline srtp_err_status_t protect(
	  inplace_fn fn,
	  inplace_mki_fn fn_mki,
	  srtp_t ctx,
	  const uint8_t* in,
	  size_t in_len,
	  uint8_t* out,
	  size_t* out_len,
	  size_t mki_index)
	{
		srtp_err_status_t err = prepare(in, in_len, out, out_len, in_len + SRTP_MAX_TRAILER_LEN);
		if (err != srtp_err_status_ok)
			return err;
		int len = static_cast<int>(in_len);
		err     = (mki_index == 0) ? fn(ctx, out, &len)
		                           : fn_mki(ctx, out, &len, 1u, static_cast<unsigned int>(mki_index));
		if (err == srtp_err_status_ok)
			*out_len = static_cast<size_t>(len);
		return err;
	}

	inline srtp_err_status_t unprotect(
	  inplace_fn fn, srtp_t ctx, const uint8_t* in, size_t in_len, uint8_t* out, size_t* out_len)
	{
		srtp_err_status_t err = prepare(in, in_len, out, out_len, in_len);
		if (err != srtp_err_status_ok)
			return err;
		int len = static_cast<int>(in_len);
		err     = fn(ctx, out, &len);
		if (err == srtp_err_status_ok)
			*out_len = static_cast<size_t>(len);
		return err;
	}
} // namespace distans_srtp3_shim

inline srtp_err_status_t srtp_protect(
  srtp_t ctx, const uint8_t* rtp, size_t rtp_len, uint8_t* srtp, size_t* srtp_len, size_t mki_index)
{
	return distans_srtp3_shim::protect(
	  srtp_protect, srtp_protect_mki, ctx, rtp, rtp_len, srtp, srtp_len, mki_index);
}

inline srtp_err_status_t srtp_unprotect(
  srtp_t ctx, const uint8_t* srtp, size_t srtp_len, uint8_t* rtp, size_t* rtp_len)
{
	return distans_srtp3_shim::unprotect(srtp_unprotect, ctx, srtp, srtp_len, rtp, rtp_len);
}

inline srtp_err_status_t srtp_protect_rtcp(
  srtp_t ctx, const uint8_t* rtcp, size_t rtcp_len, uint8_t* srtcp, size_t* srtcp_len, size_t mki_index)
{
	return distans_srtp3_shim::protect(
	  srtp_protect_rtcp, srtp_protect_rtcp_mki, ctx, rtcp, rtcp_len, srtcp, srtcp_len, mki_index);
}

inline srtp_err_status_t srtp_unprotect_rtcp(
  srtp_t ctx, const uint8_t* srtcp, size_t srtcp_len, uint8_t* rtcp, size_t* rtcp_len)
{
	return distans_srtp3_shim::unprotect(srtp_unprotect_rtcp, ctx, srtcp, srtcp_len, rtcp, rtcp_len);
}

inline srtp_err_status_t srtp_stream_remove(srtp_t ctx, uint32_t ssrc)
{
	return srtp_remove_stream(ctx, ssrc);
}

#endif /* __cplusplus */
#endif /* DISTANS_SRTP3_SHIM_H */
