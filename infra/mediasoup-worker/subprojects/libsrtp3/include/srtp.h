/*
 * libsrtp 3.0 API shim over libsrtp 2.5 (built by build.sh from Debian's source, with OpenSSL).
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
 * and, since mediasoup 3.23 (libsrtp 3.0.0-beta-2fc078db), an opaque policy object:
 *
 *   srtp_policy_t (a pointer), srtp_policy_create / _destroy, srtp_policy_set_ssrc,
 *   srtp_policy_set_profile, srtp_policy_add_key(key, key_len, salt, salt_len, mki, mki_len),
 *   srtp_policy_set_allow_repeat_tx, srtp_policy_set_window_size, srtp_create(&session, policy)
 *
 * Debian ships libsrtp 2.5 (headers in <srtp2/>, in-place API with int*
 * lengths). This header is found first as <srtp.h>, includes the real one and
 * adds C++ inline overloads implementing the 3.0 calls: copy the input into
 * `out` (if different), run the 2.5 call in place, report the new length.
 * On *out_len (capacity): protect needs in_len + SRTP_MAX_TRAILER_LEN, unprotect in_len.
 *
 * In 2.5, srtp_policy_t is the struct itself. The real header is included with that name renamed
 * to srtp2_policy_t (the functions are extern "C", so their symbols do not change), and the 3.0
 * srtp_policy_t points to a holder of that struct plus its key||salt buffer. srtp_policy_set_profile
 * uses 2.5's own srtp_crypto_policy_set_from_profile_for_rtp/_rtcp, which pick the same crypto
 * policies as libsrtp 3.0 (SRTCP keeps the 80-bit tag for AES_CM_128_HMAC_SHA1_32).
 */
#ifndef DISTANS_SRTP3_SHIM_H
#define DISTANS_SRTP3_SHIM_H

#define srtp_policy_t srtp2_policy_t
#include <srtp2/srtp.h>
#undef srtp_policy_t

#ifdef __cplusplus
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>

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

struct distans_srtp3_policy
{
	srtp2_policy_t policy;
	unsigned char key[SRTP_MAX_KEY_LEN];
};
typedef distans_srtp3_policy* srtp_policy_t;

inline srtp_err_status_t srtp_policy_create(srtp_policy_t* policy)
{
	if (policy == nullptr)
		return srtp_err_status_bad_param;
	*policy = new (std::nothrow) distans_srtp3_policy{};
	if (*policy == nullptr)
		return srtp_err_status_alloc_fail;
	(*policy)->policy.window_size = 128; /* libsrtp's default; mediasoup sets 1024 */
	return srtp_err_status_ok;
}

inline void srtp_policy_destroy(srtp_policy_t policy)
{
	if (policy != nullptr)
		std::memset(policy->key, 0, sizeof(policy->key));
	delete policy;
}

inline srtp_err_status_t srtp_policy_set_ssrc(srtp_policy_t policy, srtp_ssrc_t ssrc)
{
	if (policy == nullptr)
		return srtp_err_status_bad_param;
	policy->policy.ssrc = ssrc;
	return srtp_err_status_ok;
}

inline srtp_err_status_t srtp_policy_set_profile(srtp_policy_t policy, srtp_profile_t profile)
{
	if (policy == nullptr)
		return srtp_err_status_bad_param;
	srtp_err_status_t err = srtp_crypto_policy_set_from_profile_for_rtp(&policy->policy.rtp, profile);
	if (err != srtp_err_status_ok)
		return err;
	return srtp_crypto_policy_set_from_profile_for_rtcp(&policy->policy.rtcp, profile);
}

/* One master key without MKI, as mediasoup uses it: 2.5 wants key and salt in one buffer. */
inline srtp_err_status_t srtp_policy_add_key(
  srtp_policy_t policy,
  const uint8_t* key,
  size_t key_len,
  const uint8_t* salt,
  size_t salt_len,
  const uint8_t* mki,
  size_t mki_len)
{
	if (policy == nullptr || key == nullptr || (salt == nullptr && salt_len != 0))
		return srtp_err_status_bad_param;
	if (mki != nullptr || mki_len != 0 || policy->policy.key != nullptr)
		return srtp_err_status_bad_param;
	if (key_len + salt_len > sizeof(policy->key))
		return srtp_err_status_bad_param;
	if (key_len + salt_len != static_cast<size_t>(policy->policy.rtp.cipher_key_len))
		return srtp_err_status_bad_param;
	std::memcpy(policy->key, key, key_len);
	if (salt_len != 0)
		std::memcpy(policy->key + key_len, salt, salt_len);
	policy->policy.key = policy->key;
	return srtp_err_status_ok;
}

inline srtp_err_status_t srtp_policy_set_allow_repeat_tx(srtp_policy_t policy, bool allow)
{
	if (policy == nullptr)
		return srtp_err_status_bad_param;
	policy->policy.allow_repeat_tx = allow ? 1 : 0;
	return srtp_err_status_ok;
}

inline srtp_err_status_t srtp_policy_set_window_size(srtp_policy_t policy, size_t window_size)
{
	if (policy == nullptr)
		return srtp_err_status_bad_param;
	policy->policy.window_size = window_size;
	return srtp_err_status_ok;
}

inline srtp_err_status_t srtp_create(srtp_t* session, srtp_policy_t policy)
{
	if (policy == nullptr || policy->policy.key == nullptr)
		return srtp_err_status_bad_param;
	policy->policy.next = nullptr;
	return srtp_create(session, &policy->policy);
}

inline srtp_err_status_t srtp_stream_remove(srtp_t ctx, uint32_t ssrc)
{
	return srtp_remove_stream(ctx, ssrc);
}

#endif /* __cplusplus */
#endif /* DISTANS_SRTP3_SHIM_H */
