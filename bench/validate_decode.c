/* SPDX-License-Identifier: MIT */
/*
 * Validation of the cost model against measured H100 prefill and decode energies
 * (data/h100_hf_eager_decode.json), every method on the same points:
 *
 *   2NeFLOP    paper 001 Eq. (35), 2 N e_FLOP per token, e_FLOP the measured whole-board
 *              BF16 energy per FLOP of the microbenchmark (1.02 pJ), PUE 1
 *   board      the peers' board power limit x roofline time (700 W x t_roof)
 *   roofline   thermoai's plain roofline on h100-sxm-measured (serving "ideal")
 *   eager-cv   roofline + the hf-eager serving stack, its two data-derived values (host
 *              time per layer, power above idle while waiting) estimated from the OTHER
 *              model's points only (leave one model out): nothing about a point is used
 *              to predict it
 *   eager      the shipped hf-eager preset (those values from all six points: in-sample)
 *
 * It also prints how the two hf-eager values are derived. Usage:
 *   validate_decode [path/to/h100_hf_eager_decode.json] [--markdown]
 * A program, not the library: it reads a file.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#define MAXP 16

struct point {
    char model[32];
    double batch, prompt, new_tokens, decode_j, decode_s, prefill_j, prefill_s;
};

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    long n;
    char *buf;

    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    buf = (char *)malloc((size_t)n + 1);
    if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf != NULL)
        buf[n] = '\0';
    fclose(f);
    return buf;
}

/* The number after "key": at or after p, before the end of the object at end. */
static int num(const char *p, const char *end, const char *key, double *v)
{
    char pat[64];
    const char *q;

    snprintf(pat, sizeof pat, "\"%s\":", key);
    q = strstr(p, pat);
    if (q == NULL || q > end)
        return 0;
    *v = strtod(q + strlen(pat), NULL);
    return 1;
}

/* The decode array's objects: {"model": "...", ... } */
static int parse(const char *text, struct point *pts, double *idle_w)
{
    const char *p = strstr(text, "\"decode\"");
    int n = 0;

    if (p == NULL || !num(text, p, "idle_w", idle_w))
        return -1;
    while (n < MAXP && (p = strstr(p, "\"model\":")) != NULL) {
        const char *end = strchr(p, '}'), *q = strchr(p + 8, '"');
        struct point *t = &pts[n];
        size_t len;

        if (end == NULL || q == NULL)
            return -1;
        len = (size_t)(strchr(q + 1, '"') - (q + 1));
        if (len >= sizeof t->model)
            return -1;
        memcpy(t->model, q + 1, len);
        t->model[len] = '\0';
        if (!num(p, end, "batch", &t->batch) || !num(p, end, "prompt", &t->prompt)
            || !num(p, end, "new_tokens", &t->new_tokens) || !num(p, end, "decode_J", &t->decode_j)
            || !num(p, end, "decode_s", &t->decode_s) || !num(p, end, "prefill_J", &t->prefill_j)
            || !num(p, end, "prefill_s", &t->prefill_s))
            return -1;
        n++;
        p = end;
    }
    return n;
}

static thermoai_hardware hw;
static thermoai_model_arch arch[MAXP];

/* Sums over the decode steps of a point: the measured decode covers new_tokens - 1 steps
 * (the first new token comes out of the prefill), contexts prompt .. prompt + steps - 1. */
static int decode_sum(const struct point *pt, const thermoai_model_arch *a,
                      const thermoai_cost_serving *s, thermoai_cost_result *sum)
{
    thermoai_work_params p;
    thermoai_cost_result r;
    int i, steps = (int)pt->new_tokens - 1;

    if (thermoai_work_params_init(&p, sizeof p) != THERMOAI_OK
        || thermoai_cost_result_init(&r, sizeof r) != THERMOAI_OK)
        return 0;
    memset(sum, 0, sizeof *sum);
    p.batch = (unsigned long long)pt->batch;
    for (i = 0; i < steps; i++) {
        p.context = (unsigned long long)pt->prompt + (unsigned long long)i;
        if (thermoai_cost_decode(a, &p, &hw, s, &r) != THERMOAI_OK)
            return 0;
        sum->step_s += r.step_s;
        sum->roofline_s += r.roofline_s;
        sum->energy_j += r.energy_j;
        sum->static_j += r.static_j;
        sum->overhead_j += r.overhead_j;
        sum->weights_j += r.weights_j;
        sum->kv_j += r.kv_j;
        sum->arithmetic_j += r.arithmetic_j;
        sum->activations_j += r.activations_j;
        sum->flop += r.flop;
    }
    sum->tokens = (double)steps * pt->batch;
    return 1;
}

static int prefill(const struct point *pt, const thermoai_model_arch *a,
                   const thermoai_cost_serving *s, thermoai_cost_result *r)
{
    thermoai_work_params p;

    if (thermoai_work_params_init(&p, sizeof p) != THERMOAI_OK
        || thermoai_cost_result_init(r, sizeof *r) != THERMOAI_OK)
        return 0;
    p.batch = (unsigned long long)pt->batch;
    p.tokens = (unsigned long long)pt->prompt;
    return thermoai_cost_prefill(a, &p, &hw, s, r) == THERMOAI_OK;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* The two hf-eager values from the points i with use[i]: median step time per layer,
 * and mean power above idle not explained by the roofline (with one KV rewrite). */
static int estimate(const struct point *pts, int n, const int *use, double *host_layer,
                    double *wait_w)
{
    double v[MAXP], w = 0.0;
    int i, m = 0;
    thermoai_cost_serving s;

    if (thermoai_cost_serving_init(&s, sizeof s) != THERMOAI_OK)
        return 0;
    s.kv_rewrites_per_step = 1.0; /* the serving stack's known KV copy, no power term */
    for (i = 0; i < n; i++) {
        thermoai_cost_result r;
        double t, work_j;

        if (!use[i])
            continue;
        if (!decode_sum(&pts[i], &arch[i], &s, &r))
            return 0;
        t = pts[i].decode_s;
        v[m] = t / (pts[i].new_tokens - 1.0) / (double)arch[i].layers;
        work_j = r.weights_j + r.kv_j + r.activations_j + r.arithmetic_j;
        w += (pts[i].decode_j - hw.idle_power_w * t - work_j) / (t - r.roofline_s);
        m++;
    }
    if (m == 0)
        return 0;
    *wait_w = w / m;
    *host_layer = median(v, m);
    return 1;
}

int main(int argc, char **argv)
{
    const char *path = "data/h100_hf_eager_decode.json";
    struct point pts[MAXP];
    double idle, e_flop_board, err[5][2 * MAXP], host_all, wait_all;
    const char *method[5] = { "2NeFLOP", "board", "roofline", "eager-cv", "eager" };
    int n, i, k, use[MAXP];
    char *text;
    thermoai_cost_serving ideal, eager;
    int md = 0;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--markdown") == 0)
            md = 1;
        else
            path = argv[i];
    }
    text = slurp(path);
    if (text == NULL) {
        fprintf(stderr, "validate_decode: cannot read %s\n", path);
        return 2;
    }
    n = parse(text, pts, &idle);
    free(text);
    if (n <= 0) {
        fprintf(stderr, "validate_decode: %s: no decode points\n", path);
        return 2;
    }
    if (thermoai_hardware_init(&hw, sizeof hw) != THERMOAI_OK
        || thermoai_hardware_preset_find("h100-sxm-measured", &hw) != THERMOAI_OK
        || thermoai_cost_serving_init(&ideal, sizeof ideal) != THERMOAI_OK
        || thermoai_cost_serving_init(&eager, sizeof eager) != THERMOAI_OK
        || thermoai_cost_serving_preset("hf-eager", &eager) != THERMOAI_OK)
        return 1;
    /* the microbenchmark's whole-board BF16 energy per FLOP (for Eq. 35): E / F of the GEMM */
    e_flop_board = 4169.644 / (2.0 * 8192.0 * 8192.0 * 8192.0 * 3708.0);
    for (i = 0; i < n; i++)
        if (thermoai_model_arch_init(&arch[i], sizeof arch[i]) != THERMOAI_OK
            || thermoai_model_preset_find(pts[i].model, &arch[i]) != THERMOAI_OK) {
            fprintf(stderr, "validate_decode: no preset %s\n", pts[i].model);
            return 1;
        }
    for (i = 0; i < n; i++)
        use[i] = 1;
    if (!estimate(pts, n, use, &host_all, &wait_all))
        return 1;
    printf("%s hf-eager values from all %d points: host %.4g ms per layer per step (median), "
           "%.4g W above idle while waiting (mean); the preset ships %.4g ms and %.4g W\n",
           md ? "-" : "#", n, host_all * 1e3, wait_all, eager.host_s_per_layer * 1e3,
           eager.overhead_power_w);
    printf("%s board idle %.2f W (file) / %.2f W (profile); e_FLOP for Eq. 35 = %.4g pJ\n\n",
           md ? "-" : "#", idle, hw.idle_power_w, e_flop_board * 1e12);

    if (md)
        printf("| model | batch | phase | measured J | 2NeFLOP | board x t_roof | roofline | "
               "roofline + hf-eager (cv) | hf-eager preset | measured s | modelled s (cv) |\n"
               "|---|---|---|---|---|---|---|---|---|---|---|\n");
    else
        printf("%-12s %5s %-7s %10s %9s %9s %9s %9s %9s %8s %8s\n", "model", "batch", "phase",
               "meas J", "2NeFLOP", "board", "roofline", "eager-cv", "eager", "meas s", "cv s");
    for (i = 0; i < n; i++) {
        thermoai_cost_result rd, ed, cd, rp, ep, cp;
        thermoai_cost_serving cv = eager;
        double e35 = 0.0, pred[5], predp[5];
        int j;

        for (j = 0; j < n; j++)
            use[j] = strcmp(pts[j].model, pts[i].model) != 0;
        if (!estimate(pts, n, use, &cv.host_s_per_layer, &cv.overhead_power_w))
            return 1;
        if (!decode_sum(&pts[i], &arch[i], &ideal, &rd) || !decode_sum(&pts[i], &arch[i], &eager, &ed)
            || !decode_sum(&pts[i], &arch[i], &cv, &cd) || !prefill(&pts[i], &arch[i], &ideal, &rp)
            || !prefill(&pts[i], &arch[i], &eager, &ep) || !prefill(&pts[i], &arch[i], &cv, &cp))
            return 1;
        {
            uint64_t params = 0;

            if (thermoai_model_params(&arch[i], &params) != THERMOAI_OK
                || thermoai_energy_inference_per_token_j((double)params, e_flop_board, 1.0, &e35)
                       != THERMOAI_OK)
                return 1;
        }
        pred[0] = e35 * rd.tokens;
        pred[1] = hw.board_power_w * rd.roofline_s;
        pred[2] = rd.energy_j;
        pred[3] = cd.energy_j;
        pred[4] = ed.energy_j;
        predp[0] = e35 * pts[i].batch * pts[i].prompt;
        predp[1] = hw.board_power_w * rp.roofline_s;
        predp[2] = rp.energy_j;
        predp[3] = cp.energy_j;
        predp[4] = ep.energy_j;
        for (k = 0; k < 5; k++) {
            err[k][2 * i] = pred[k] / pts[i].decode_j - 1.0;
            err[k][2 * i + 1] = predp[k] / pts[i].prefill_j - 1.0;
        }
        if (md) {
            printf("| %s | %.0f | decode | %.1f |", pts[i].model, pts[i].batch, pts[i].decode_j);
            for (k = 0; k < 5; k++)
                printf(" %.1f (%+.0f %%) |", pred[k], 100.0 * err[k][2 * i]);
            printf(" %.3f | %.3f |\n", pts[i].decode_s, cd.step_s);
            printf("| %s | %.0f | prefill | %.2f |", pts[i].model, pts[i].batch, pts[i].prefill_j);
            for (k = 0; k < 5; k++)
                printf(" %.2f (%+.0f %%) |", predp[k], 100.0 * err[k][2 * i + 1]);
            printf(" %.4f | %.4f |\n", pts[i].prefill_s, cp.step_s);
        } else {
            printf("%-12s %5.0f %-7s %10.1f", pts[i].model, pts[i].batch, "decode", pts[i].decode_j);
            for (k = 0; k < 5; k++)
                printf(" %+8.1f%%", 100.0 * err[k][2 * i]);
            printf(" %8.3f %8.3f\n", pts[i].decode_s, cd.step_s);
            printf("%-12s %5.0f %-7s %10.2f", pts[i].model, pts[i].batch, "prefill", pts[i].prefill_j);
            for (k = 0; k < 5; k++)
                printf(" %+8.1f%%", 100.0 * err[k][2 * i + 1]);
            printf(" %8.4f %8.4f\n", pts[i].prefill_s, cp.step_s);
        }
    }
    printf("\n%s\n", md ? "| method | decode median abs error | decode worst | prefill median | prefill worst |\n|---|---|---|---|---|"
                        : "# absolute error: median / worst, decode and prefill");
    for (k = 0; k < 5; k++) {
        double d[MAXP], p[MAXP], dw = 0.0, pw = 0.0;

        for (i = 0; i < n; i++) {
            d[i] = fabs(err[k][2 * i]);
            p[i] = fabs(err[k][2 * i + 1]);
            if (d[i] > dw)
                dw = d[i];
            if (p[i] > pw)
                pw = p[i];
        }
        if (md)
            printf("| %s | %.1f %% | %.1f %% | %.1f %% | %.1f %% |\n", method[k], 100.0 * median(d, n),
                   100.0 * dw, 100.0 * median(p, n), 100.0 * pw);
        else
            printf("%-10s decode %6.1f%% / %6.1f%%   prefill %6.1f%% / %6.1f%%\n", method[k],
                   100.0 * median(d, n), 100.0 * dw, 100.0 * median(p, n), 100.0 * pw);
    }
    return 0;
}
