/*
 * Link-time fix for mediasoup's DTLS BIO callback against Debian's OpenSSL.
 *
 * mediasoup (3.13+) installs DtlsTransport::onSslBioOut with
 * BIO_set_callback_ex() on its outgoing memory BIO. For post-operation calls
 * that callback returns `ret` only when oper == BIO_CB_RETURN exactly, and 1
 * otherwise, so for (BIO_CB_RETURN | BIO_CB_CTRL) it turns every BIO_ctrl()
 * answer into 1. Debian's OpenSSL is built with kernel TLS, so libssl asks
 * BIO_get_ktls_send() on that memory BIO, gets "on", and the worker segfaults
 * in SSL_read() on the first real DTLS handshake.
 *
 * The worker is linked with -Wl,--wrap=BIO_set_callback_ex, so its calls land
 * here. We store the caller's callback in the BIO's ex_data and install a
 * trampoline that calls it unchanged (mediasoup still sees every write), but
 * returns the real `ret` for every post-operation call (oper & BIO_CB_RETURN),
 * which is what OpenSSL's own callbacks do. mediasoup's sources are untouched.
 */
#include <openssl/bio.h>
#include <openssl/crypto.h>

void __real_BIO_set_callback_ex(BIO *b, BIO_callback_fn_ex callback);
void __wrap_BIO_set_callback_ex(BIO *b, BIO_callback_fn_ex callback);

/* mediasoup's worker is single-threaded; one index is allocated lazily. */
static int distans_bio_cb_index = -1;

typedef struct { BIO_callback_fn_ex fn; } distans_bio_cb_holder;

static long distans_bio_cb_trampoline(BIO *b, int oper, const char *argp, size_t len,
                                      int argi, long argl, int ret, size_t *processed)
{
  distans_bio_cb_holder *h = (distans_bio_cb_holder *)BIO_get_ex_data(b, distans_bio_cb_index);
  long r = 1;

  if (h != NULL && h->fn != NULL)
    r = h->fn(b, oper, argp, len, argi, argl, ret, processed);
  else if (oper & BIO_CB_RETURN)
    r = ret;

  /* Post-operation calls must pass the operation's result through. */
  if (oper & BIO_CB_RETURN)
    return (long)ret;
  return r;
}

static void distans_bio_cb_free(void *parent, void *ptr, CRYPTO_EX_DATA *ad, int idx,
                                long argl, void *argp)
{
  (void)parent; (void)ad; (void)idx; (void)argl; (void)argp;
  OPENSSL_free(ptr);
}

void __wrap_BIO_set_callback_ex(BIO *b, BIO_callback_fn_ex callback)
{
  distans_bio_cb_holder *h;

  if (b == NULL)
  {
    __real_BIO_set_callback_ex(b, callback);
    return;
  }
  if (distans_bio_cb_index < 0)
    distans_bio_cb_index =
      BIO_get_ex_new_index(0, NULL, NULL, NULL, distans_bio_cb_free);

  if (callback == NULL || distans_bio_cb_index < 0)
  {
    __real_BIO_set_callback_ex(b, callback);
    return;
  }

  h = (distans_bio_cb_holder *)BIO_get_ex_data(b, distans_bio_cb_index);
  if (h == NULL)
  {
    h = (distans_bio_cb_holder *)OPENSSL_zalloc(sizeof(*h));
    if (h == NULL || !BIO_set_ex_data(b, distans_bio_cb_index, h))
    {
      OPENSSL_free(h);
      /* Could not store it: fall back to the unwrapped callback. */
      __real_BIO_set_callback_ex(b, callback);
      return;
    }
  }
  h->fn = callback;
  __real_BIO_set_callback_ex(b, distans_bio_cb_trampoline);
}
