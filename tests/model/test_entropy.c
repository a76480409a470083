/* SPDX-License-Identifier: MIT */
/*
 * The layer-wise entropy model (paper 000 Sec. 3): reference values from
 * tests/ref/entropy.csv (mpmath), scaling properties, bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

/* A handful of roundings per term (products on scaled mantissas, one log2, one
 * subtraction, the layer sum): 16 ulp is a generous but still tight bound. */
#define RTOL (16 * DBL_EPSILON)

static thermoai_entropy_breakdown run(const thermoai_model_arch *a, const thermoai_entropy_params *p,
                                      int *status)
{
    thermoai_entropy_breakdown b;

    memset(&b, 0, sizeof b);
    b.struct_size = (uint32_t)sizeof b;
    *status = thermoai_entropy_token(a, p, &b);
    return b;
}

static void reference(void)
{
    FILE *f = ref_open("entropy.csv");
    char line[1024], name[64], rows[8];
    unsigned long long n;
    double alpha, t, want[6];
    int count = 0, bad = 0;

    if (!tap_ok(f != NULL, "open tests/ref/entropy.csv"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        thermoai_model_arch a;
        thermoai_entropy_params p;
        thermoai_entropy_breakdown b;
        double got[6];
        int status, k;

        if (sscanf(line, "entropy,%63[^,],%7[^,],%llu,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf", name, rows,
                   &n, &alpha, &t, &want[0], &want[1], &want[2], &want[3], &want[4], &want[5])
            != 11)
            continue;
        count++;
        if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK
            || thermoai_model_preset_find(name, &a) != THERMOAI_OK
            || thermoai_entropy_params_init(&p, sizeof p) != THERMOAI_OK) {
            bad++;
            continue;
        }
        p.attention_rows = strcmp(rows, "all") == 0 ? THERMOAI_ENTROPY_ROWS_ALL
                                                   : THERMOAI_ENTROPY_ROWS_ONE;
        p.seq_len = n;
        p.saturation_fraction = alpha;
        p.temperature_k = t;
        b = run(&a, &p, &status);
        got[0] = b.attention_bits;
        got[1] = b.ffn_bits;
        got[2] = b.norm_bits;
        got[3] = b.layer_bits;
        got[4] = b.token_bits;
        got[5] = b.token_energy_j;
        for (k = 0; k < 6; k++)
            if (status != THERMOAI_OK || fabs(got[k] - want[k]) > RTOL * fabs(want[k])) {
                bad++;
                tap_diag("%s rows=%s n=%llu alpha=%g T=%g field %d: got %.17g want %.17g (%s)",
                         name, rows, n, alpha, t, k, got[k], want[k],
                         thermoai_status_name(status));
            }
    }
    fclose(f);
    tap_ok(count >= 40, "read %d reference cases", count);
    tap_ok(bad == 0, "every term, total and energy within 16 ulp of the mpmath value (%d bad)", bad);
}

static void terms(void)
{
    double x = 0;

    /* h r (d_k b - log2 n): 96 * 1 * (128*16 - 11) = 195552 exactly */
    tap_ok(thermoai_entropy_attention_bits(96, 128, 16.0, 2048, 1, &x) == THERMOAI_OK && x == 195552.0,
           "attention, GPT-3 one row: 195552 bits");
    tap_ok(thermoai_entropy_attention_bits(96, 128, 16.0, 2048, 2048, &x) == THERMOAI_OK
               && x == 195552.0 * 2048,
           "attention, all 2048 rows: 2048 x the one-row value");
    tap_ok(thermoai_entropy_attention_bits(1, 1, 1.0, 1, 1, &x) == THERMOAI_OK && x == 1.0,
           "n = 1: log2 1 = 0, one bit per value");
    /* d_ff alpha b = 49152 * 0.25 * 16 = 196608 exactly (0.25 is exact) */
    tap_ok(thermoai_entropy_ffn_bits(49152, 0.25, 16.0, &x) == THERMOAI_OK && x == 196608.0,
           "FFN: 49152 x 0.25 x 16 = 196608 bits");
    tap_ok(thermoai_entropy_ffn_bits(49152, 0.0, 16.0, &x) == THERMOAI_OK && x == 0.0,
           "FFN with alpha = 0 erases nothing");
    tap_ok(thermoai_entropy_norm_bits(16.0, &x) == THERMOAI_OK && x == 32.0, "LayerNorm: 2b = 32 bits");
    tap_ok(thermoai_entropy_norm_bits(4.5, &x) == THERMOAI_OK && x == 9.0, "LayerNorm at 4.5 bits: 9");
}

static void properties(void)
{
    thermoai_model_arch a, a2;
    thermoai_entropy_params p;
    thermoai_entropy_breakdown b1, b2;
    int s1, s2;
    double x1, x2;

    if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK
        || thermoai_model_preset_find("llama-2-7b", &a) != THERMOAI_OK
        || thermoai_entropy_params_init(&p, sizeof p) != THERMOAI_OK)
        return;
    p.seq_len = 2048;
    b1 = run(&a, &p, &s1);

    a2 = a;
    a2.layers = 2 * a.layers;
    b2 = run(&a2, &p, &s2);
    tap_ok(s1 == THERMOAI_OK && s2 == THERMOAI_OK && b2.token_bits == 2 * b1.token_bits
               && b2.token_energy_j == 2 * b1.token_energy_j && b2.layer_bits == b1.layer_bits,
           "the bound is linear in the number of layers");
    a2 = a;
    a2.layers = 3 * a.layers;
    b2 = run(&a2, &p, &s2);
    tap_ok(s2 == THERMOAI_OK && fabs(b2.token_energy_j - 3 * b1.token_energy_j) <= 4 * DBL_EPSILON * b2.token_energy_j,
           "tripling the layers triples the bound");

    a2 = a;
    a2.heads = 2 * a.heads;
    a2.head_dim = a.head_dim ? a.head_dim : (uint32_t)(a.d_model / a.heads);
    b2 = run(&a2, &p, &s2);
    tap_ok(s2 == THERMOAI_OK && b2.attention_bits == 2 * b1.attention_bits && b2.ffn_bits == b1.ffn_bits,
           "the attention term is linear in the number of heads, the FFN term unchanged");

    a2 = a;
    a2.d_ff = 2 * a.d_ff;
    b2 = run(&a2, &p, &s2);
    tap_ok(s2 == THERMOAI_OK && b2.ffn_bits == 2 * b1.ffn_bits && b2.attention_bits == b1.attention_bits,
           "the FFN term is linear in d_ff");
    p.saturation_fraction = 0.3;
    b2 = run(&a, &p, &s2);
    tap_ok(s2 == THERMOAI_OK && b2.ffn_bits == 2 * b1.ffn_bits, "the FFN term is linear in alpha");
    tap_ok(thermoai_entropy_ffn_bits(11008, 0.15, 16.0, &x1) == THERMOAI_OK
               && thermoai_entropy_ffn_bits(22016, 0.075, 16.0, &x2) == THERMOAI_OK
               && fabs(x1 - x2) <= 2 * DBL_EPSILON * x1,
           "the FFN term depends on d_ff and alpha only through d_ff * alpha");
    p.saturation_fraction = 0.15;

    p.temperature_k = 600.0;
    b2 = run(&a, &p, &s2);
    tap_ok(s2 == THERMOAI_OK && b2.token_energy_j == 2 * b1.token_energy_j && b2.token_bits == b1.token_bits,
           "the energy is linear in T, the bits independent of it");
    p.temperature_k = 300.0;

    p.attention_rows = THERMOAI_ENTROPY_ROWS_ALL;
    b2 = run(&a, &p, &s2);
    tap_ok(s2 == THERMOAI_OK && b2.attention_bits == 2048 * b1.attention_bits,
           "rows=all is n times rows=one for the attention term");
    p.attention_rows = THERMOAI_ENTROPY_ROWS_ONE;

    p.seq_len = 4096;
    b2 = run(&a, &p, &s2);
    tap_ok(s2 == THERMOAI_OK && b2.attention_bits < b1.attention_bits,
           "one-row attention erasure falls as n grows (log2 n is subtracted)");
    p.seq_len = 0;
    b2 = run(&a, &p, &s2);
    tap_ok(s2 == THERMOAI_OK && b2.attention_bits == 32.0 * (128 * 16 - 12),
           "seq_len 0 uses the context length (4096, log2 = 12)");
    tap_ok(thermoai_entropy_token_energy_j(&a, NULL, &x1) == THERMOAI_OK && x1 == b2.token_energy_j,
           "NULL params means the defaults");
}

static void struct_sizes(void)
{
    thermoai_entropy_params p;
    thermoai_entropy_breakdown b;
    thermoai_model_arch a;
    unsigned char big[sizeof(thermoai_entropy_breakdown) + 8];
    int s;

    tap_ok(thermoai_entropy_params_size() == sizeof p && thermoai_entropy_breakdown_size() == sizeof b,
           "size accessors");
    tap_ok(thermoai_entropy_params_init(&p, sizeof p) == THERMOAI_OK && p.struct_size == sizeof p
               && p.attention_rows == THERMOAI_ENTROPY_ROWS_ONE && p.seq_len == 0
               && p.saturation_fraction == 0.15 && p.temperature_k == 300.0,
           "params defaults: rows one, n = context, alpha 0.15, 300 K");
    tap_ok(thermoai_entropy_params_init(NULL, sizeof p) == THERMOAI_E_NULL, "params init NULL");
    tap_ok(thermoai_entropy_params_init(&p, 16) == THERMOAI_E_SIZE, "params init too small");
    if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK
        || thermoai_model_preset_find("gpt-3-175b", &a) != THERMOAI_OK)
        return;
    /* a newer caller's larger output struct: the library fills what it knows, leaves the rest */
    memset(big, 0xAB, sizeof big);
    b.struct_size = (uint32_t)sizeof big;
    memcpy(big, &b.struct_size, sizeof b.struct_size);
    s = thermoai_entropy_token(&a, NULL, (thermoai_entropy_breakdown *)(void *)big);
    memcpy(&b, big, sizeof b);
    tap_ok(s == THERMOAI_OK && b.struct_size == sizeof big && b.token_bits > 0
               && big[sizeof b] == 0xAB && big[sizeof big - 1] == 0xAB,
           "larger output struct: known fields written, the tail untouched");
    b.struct_size = 24;
    b.token_bits = 1.0;
    tap_ok(thermoai_entropy_token(&a, NULL, &b) == THERMOAI_E_SIZE && b.token_bits == 1.0,
           "output struct too small -> E_SIZE, nothing written");
}

#define EXPECT(call, want, what) tap_ok((call) == (want), "%s -> %s", what, #want)

static void bad_input(void)
{
    thermoai_model_arch a;
    thermoai_entropy_params p;
    thermoai_entropy_breakdown b;
    double x;
    int s;

    x = 1;
    EXPECT(thermoai_entropy_attention_bits(4, 16, 16.0, 8, 1, NULL), THERMOAI_E_NULL, "attention NULL out");
    tap_ok(thermoai_entropy_attention_bits(0, 16, 16.0, 8, 1, &x) == THERMOAI_E_INVALID && isnan(x),
           "attention 0 heads -> E_INVALID, NaN");
    EXPECT(thermoai_entropy_attention_bits(4, 0, 16.0, 8, 1, &x), THERMOAI_E_INVALID, "attention head_dim 0");
    EXPECT(thermoai_entropy_attention_bits(4, 16, 16.0, 0, 1, &x), THERMOAI_E_INVALID, "attention n = 0");
    EXPECT(thermoai_entropy_attention_bits(4, 16, 16.0, 8, 0, &x), THERMOAI_E_INVALID, "attention rows = 0");
    EXPECT(thermoai_entropy_attention_bits(4, 16, (double)NAN, 8, 1, &x), THERMOAI_E_NONFINITE, "attention NaN b");
    EXPECT(thermoai_entropy_attention_bits(4, 16, (double)INFINITY, 8, 1, &x), THERMOAI_E_NONFINITE, "attention Inf b");
    EXPECT(thermoai_entropy_attention_bits(4, 16, -1.0, 8, 1, &x), THERMOAI_E_INVALID, "attention b < 0");
    tap_ok(thermoai_entropy_attention_bits(1, 1, 4.0, 16, 1, &x) == THERMOAI_E_DOMAIN && isnan(x),
           "attention d_k b = log2 n -> E_DOMAIN (no positive erasure), NaN");
    EXPECT(thermoai_entropy_attention_bits(1, 1, 1.0, 1u << 20, 1, &x), THERMOAI_E_DOMAIN,
           "attention log2 n > d_k b");
    EXPECT(thermoai_entropy_attention_bits(UINT32_MAX, 1, 1e300, 2, UINT64_MAX, &x), THERMOAI_E_RANGE,
           "attention overflow");
    EXPECT(thermoai_entropy_ffn_bits(100, 0.15, 16.0, NULL), THERMOAI_E_NULL, "FFN NULL out");
    EXPECT(thermoai_entropy_ffn_bits(0, 0.15, 16.0, &x), THERMOAI_E_INVALID, "FFN d_ff 0");
    EXPECT(thermoai_entropy_ffn_bits(100, -0.01, 16.0, &x), THERMOAI_E_INVALID, "FFN alpha < 0");
    EXPECT(thermoai_entropy_ffn_bits(100, 1.01, 16.0, &x), THERMOAI_E_INVALID, "FFN alpha > 1");
    EXPECT(thermoai_entropy_ffn_bits(100, (double)NAN, 16.0, &x), THERMOAI_E_NONFINITE, "FFN alpha NaN");
    EXPECT(thermoai_entropy_ffn_bits(100, 0.15, 0.0, &x), THERMOAI_E_INVALID, "FFN b = 0");
    EXPECT(thermoai_entropy_norm_bits(16.0, NULL), THERMOAI_E_NULL, "norm NULL out");
    EXPECT(thermoai_entropy_norm_bits(-(double)INFINITY, &x), THERMOAI_E_NONFINITE, "norm -Inf b");
    EXPECT(thermoai_entropy_norm_bits(-2.0, &x), THERMOAI_E_INVALID, "norm b < 0");
    EXPECT(thermoai_entropy_norm_bits(DBL_MAX, &x), THERMOAI_E_RANGE, "norm overflow");

    if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK
        || thermoai_model_preset_find("llama-2-7b", &a) != THERMOAI_OK
        || thermoai_entropy_params_init(&p, sizeof p) != THERMOAI_OK)
        return;
    b.struct_size = (uint32_t)sizeof b;
    EXPECT(thermoai_entropy_token(NULL, &p, &b), THERMOAI_E_NULL, "token NULL arch");
    tap_ok(isnan(b.token_energy_j) && isnan(b.attention_bits), "  every output field is NaN");
    EXPECT(thermoai_entropy_token(&a, &p, NULL), THERMOAI_E_NULL, "token NULL out");
    p.saturation_fraction = 1.5;
    b = run(&a, &p, &s);
    tap_ok(s == THERMOAI_E_INVALID && isnan(b.token_energy_j), "token alpha 1.5 -> E_INVALID, NaN");
    p.saturation_fraction = (double)NAN;
    b = run(&a, &p, &s);
    tap_ok(s == THERMOAI_E_NONFINITE && isnan(b.token_bits), "token alpha NaN -> E_NONFINITE, NaN");
    p.saturation_fraction = 0.15;
    p.temperature_k = -1.0;
    b = run(&a, &p, &s);
    tap_ok(s == THERMOAI_E_INVALID && isnan(b.token_energy_j), "token T < 0 -> E_INVALID");
    p.temperature_k = 300.0;
    p.attention_rows = 7;
    b = run(&a, &p, &s);
    tap_ok(s == THERMOAI_E_UNSUPPORTED && isnan(b.layer_bits), "token unknown rows mode -> E_UNSUPPORTED");
    p.attention_rows = THERMOAI_ENTROPY_ROWS_ONE;
    p.struct_size = 8;
    b = run(&a, &p, &s);
    tap_ok(s == THERMOAI_E_SIZE, "token params struct_size 8 -> E_SIZE");
    p.struct_size = (uint32_t)sizeof p;
    a.layers = 0;
    b = run(&a, &p, &s);
    tap_ok(s == THERMOAI_E_INVALID && isnan(b.token_bits), "token zero layers -> E_INVALID");
    a.layers = 32;
    p.seq_len = UINT64_C(1) << 62;
    a.precision_bits = 2.0;
    a.head_dim = 16;
    b = run(&a, &p, &s);
    tap_ok(s == THERMOAI_E_DOMAIN, "token log2 n above d_k b -> E_DOMAIN");
    tap_ok(thermoai_entropy_token_energy_j(&a, &p, NULL) == THERMOAI_E_NULL, "energy NULL out");
    x = 0;
    tap_ok(thermoai_entropy_token_energy_j(&a, &p, &x) == THERMOAI_E_DOMAIN && isnan(x),
           "energy: status passed through, NaN");
}

/* Issue 20 item 4 and issue 19 item 6. */
static void issues(void)
{
    thermoai_entropy_breakdown b;
    double x = 0.0;
    int s;

    /* struct_size 55: E_SIZE, and the five doubles that fit in 55 bytes NaN */
    memset(&b, 0, sizeof b);
    b.struct_size = 55;
    b.attention_bits = b.ffn_bits = b.norm_bits = b.layer_bits = b.token_bits = 42.0;
    b.token_energy_j = 42.0;
    s = thermoai_entropy_token(NULL, NULL, &b);
    tap_ok(s == THERMOAI_E_SIZE && isnan(b.attention_bits) && isnan(b.ffn_bits) && isnan(b.norm_bits)
               && isnan(b.layer_bits) && isnan(b.token_bits) && b.token_energy_j == 42.0 && b.struct_size == 55,
           "issue 20: struct_size 55 -> E_SIZE, the doubles within 55 bytes NaN, the one past them kept");
    /* log2(2^64 - 1) = 64 - 7.8e-20 < d_k b = 64: (double)(2^64 - 1) rounded to 2^64 and
     * gave E_DOMAIN; the erasure is 7.82086548782938888e-20 bits per head (mpmath) */
    s = thermoai_entropy_attention_bits(1, 4, 16.0, UINT64_MAX, 1, &x);
    tap_ok(s == THERMOAI_OK && tap_ulp_distance(x, 7.82086548782938888201351638227e-20) <= 2,
           "issue 19: attention bits at n = 2^64 - 1, d_k b = 64: %.17g, not E_DOMAIN", x);
    s = thermoai_entropy_attention_bits(1, 4, 16.0, (uint64_t)1 << 63, 1, &x);
    tap_ok(s == THERMOAI_OK && x == 1.0, "n = 2^63: exactly 64 - 63 = 1 bit");
    s = thermoai_entropy_attention_bits(1, 4, 16.0, ((uint64_t)1 << 63) + 1, 1, &x);
    tap_ok(s == THERMOAI_OK && fabs(x - (1.0 - 1.5641730975658777764e-19)) <= 1e-16,
           "n = 2^63 + 1: 1 - log2(1 + 2^-63) = 1 to rounding");
    s = thermoai_entropy_attention_bits(1, 3, 1.0, 8, 1, &x);
    tap_ok(s == THERMOAI_E_DOMAIN && isnan(x), "log2 n = d_k b exactly (n = 8, 3 x 1 bit): E_DOMAIN");
    {
        /* log2 of every n near a power of two against long double */
        int good = 1, k;

        for (k = 1; k < 64; k++) {
            const uint64_t p = (uint64_t)1 << k;
            const uint64_t ns[3] = { p - 1, p, p + 1 };
            int j;

            for (j = 0; j < 3; j++) {
                const double want = 80.0 - (double)log2l((long double)ns[j]);

                if (thermoai_entropy_attention_bits(1, 5, 16.0, ns[j], 1, &x) != THERMOAI_OK
                    || fabs(x - want) > 4e-16 * want)
                    good = 0;
            }
        }
        tap_ok(good, "80 - log2 n for n = 2^k - 1, 2^k, 2^k + 1 (k < 64) as long double gives it");
    }
}

int main(void)
{
    issues();
    reference();
    terms();
    properties();
    struct_sizes();
    bad_input();
    return tap_done();
}
