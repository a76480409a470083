/* SPDX-License-Identifier: MIT */
/* TIP selection: scores, greedy and iterative selection, loss estimators (paper 000 Sec. 5.2). */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "common/arrays.h"
#include "common/dense.h"
#include "common/internal.h"
#include "order.h"

/* The component arrays: finite, energies and sizes > 0, energies summing to at most the
 * total. *e_sum and *s_sum receive the sums. */
static int check_components(size_t n, const double *energy_j, const double *delta_loss,
                            const double *size, double total_j, double *e_sum, double *s_sum)
{
    size_t i;
    double es = 0.0, ss = 0.0;

    if (n == 0 || n > THERMOAI__PRUNE_N_MAX)
        return THERMOAI_E_INVALID;
    if (!isfinite(total_j) || !thermoai__all_finite_d(energy_j, n)
        || (delta_loss != NULL && !thermoai__all_finite_d(delta_loss, n))
        || (size != NULL && !thermoai__all_finite_d(size, n)))
        return THERMOAI_E_NONFINITE;
    if (!(total_j > 0.0))
        return THERMOAI_E_INVALID;
    for (i = 0; i < n; i++) {
        if (!(energy_j[i] > 0.0) || (size != NULL && !(size[i] > 0.0)))
            return THERMOAI_E_INVALID;
        es += energy_j[i];
        ss += size != NULL ? size[i] : 1.0;
    }
    /* a relative slack of n ulps for the rounding of the sum */
    if (!isfinite(es) || !isfinite(ss) || es > total_j * (1.0 + (double)n * 0x1p-52))
        return THERMOAI_E_INVALID;
    *e_sum = es;
    *s_sum = ss;
    return THERMOAI_OK;
}

static int check_target(uint32_t target, double value, double e_sum, double total_j)
{
    if (target < THERMOAI_TIP_TARGET_SPARSITY || target > THERMOAI_TIP_TARGET_QUALITY)
        return THERMOAI_E_UNSUPPORTED;
    if (!isfinite(value))
        return THERMOAI_E_NONFINITE;
    if (value < 0.0 || (target != THERMOAI_TIP_TARGET_QUALITY && value > 1.0))
        return THERMOAI_E_INVALID;
    if (target == THERMOAI_TIP_TARGET_ENERGY && value * total_j > e_sum * (1.0 + 0x1p-50))
        return THERMOAI_E_DOMAIN;
    return THERMOAI_OK;
}

/* The ordering key: s_i = expm1(dL_i) * E_total / E_i, in plain double (an overflow to
 * infinity still orders). */
static double key_of(double dl, double e, double total_j)
{
    return expm1(dl) * (total_j / e);
}

static void keep_all(uint8_t *keep, size_t n)
{
    if (keep != NULL && n > 0 && n <= THERMOAI__PRUNE_N_MAX)
        memset(keep, 1, n);
}

int thermoai_tip_scores(size_t n, const double *energy_j, const double *delta_loss_nats,
                        double total_energy_j, double *score)
{
    double es, ss;
    size_t i;
    int status;

    if (score == NULL || energy_j == NULL || delta_loss_nats == NULL) {
        if (score != NULL && n <= THERMOAI__PRUNE_N_MAX)
            thermoai__fill_nan_d(score, n);
        return THERMOAI_E_NULL;
    }
    if (n > THERMOAI__PRUNE_N_MAX)
        return THERMOAI_E_INVALID;
    thermoai__fill_nan_d(score, n);
    THERMOAI__TRY(check_components(n, energy_j, delta_loss_nats, NULL, total_energy_j, &es, &ss));
    for (i = 0; i < n; i++) {
        status = thermoai_tip_score_from_loss(delta_loss_nats[i], energy_j[i], total_energy_j, &score[i]);
        if (status != THERMOAI_OK) {
            thermoai__fill_nan_d(score, n);
            return status;
        }
    }
    return THERMOAI_OK;
}

int thermoai_tip_select_workspace_bytes(size_t n, size_t *bytes)
{
    if (bytes == NULL)
        return THERMOAI_E_NULL;
    *bytes = 0;
    if (n == 0 || n > THERMOAI__PRUNE_N_MAX
        || n > (SIZE_MAX - 64u) / (2u * sizeof(double) + sizeof(size_t) + 1u))
        return THERMOAI_E_INVALID;
    *bytes = thermoai__prune_ws_bytes(n);
    return THERMOAI_OK;
}

/* Removed fractions of the mask. */
static void fractions(size_t n, const uint8_t *keep, const double *energy_j, const double *size,
                      double total_j, double s_sum, double *saved, double *sized)
{
    double e = 0.0, s = 0.0;
    size_t i;

    for (i = 0; i < n; i++)
        if (!keep[i]) {
            e += energy_j[i];
            s += size != NULL ? size[i] : 1.0;
        }
    *saved = e / total_j;
    *sized = s / s_sum;
}

/* The greedy prefix over idx[0..m) (components in score order, all kept), from the
 * removed totals so far; removes from keep and returns how many it removed. goal is
 * the removed size (sparsity), energy (energy) or the allowed sum of dL (quality). */
static size_t prefix(size_t m, const size_t *idx, const double *energy_j, const double *dl,
                     const double *size, uint32_t target, double goal, double *e_rem, double *s_rem,
                     double *l_rem, uint8_t *keep)
{
    size_t k;

    for (k = 0; k < m; k++) {
        size_t i = idx[k];
        double si = size != NULL ? size[i] : 1.0;

        if (target == THERMOAI_TIP_TARGET_SPARSITY && *s_rem >= goal)
            break;
        if (target == THERMOAI_TIP_TARGET_ENERGY && *e_rem >= goal)
            break;
        if (target == THERMOAI_TIP_TARGET_QUALITY && *l_rem + dl[i] > goal)
            break;
        keep[i] = 0;
        *e_rem += energy_j[i];
        *s_rem += si;
        *l_rem += dl[i];
    }
    return k;
}

int thermoai_tip_select(size_t n, const double *energy_j, const double *delta_loss_nats,
                        const double *size, double total_energy_j, uint32_t target, double value,
                        void *workspace, size_t workspace_bytes, uint8_t *keep, size_t *order,
                        double *saved_fraction, double *size_fraction, double *degradation)
{
    double es, ss, *key, goal, e_rem = 0.0, s_rem = 0.0, l_rem = 0.0, deg;
    size_t *idx, i;
    unsigned char *spare;
    int status;

    THERMOAI__OUTPUTS(saved_fraction, size_fraction, degradation);
    keep_all(keep, n);
    if (keep == NULL || energy_j == NULL || delta_loss_nats == NULL || workspace == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(check_components(n, energy_j, delta_loss_nats, size, total_energy_j, &es, &ss));
    THERMOAI__TRY(check_target(target, value, es, total_energy_j));
    if (thermoai__prune_ws(workspace, workspace_bytes, n, &key, &idx, &spare) != 0)
        return THERMOAI_E_SIZE;
    for (i = 0; i < n; i++)
        key[i] = key_of(delta_loss_nats[i], energy_j[i], total_energy_j);
    thermoai__prune_order(n, key, idx);
    goal = target == THERMOAI_TIP_TARGET_SPARSITY ? value * ss
           : target == THERMOAI_TIP_TARGET_ENERGY ? value * total_energy_j
                                                   : log1p(value);
    (void)prefix(n, idx, energy_j, delta_loss_nats, size, target, goal, &e_rem, &s_rem, &l_rem, keep);
    deg = expm1(l_rem);
    if (!isfinite(deg)) {
        keep_all(keep, n);
        return THERMOAI_E_RANGE;
    }
    if (order != NULL)
        memcpy(order, idx, n * sizeof *idx);
    status = THERMOAI_OK;
    {
        double saved, sized;

        fractions(n, keep, energy_j, size, total_energy_j, ss, &saved, &sized);
        *saved_fraction = saved;
        *size_fraction = sized;
        *degradation = deg;
    }
    return status;
}

/* One evaluation: E_CALLBACK or E_NONFINITE on failure. */
static int evaluate(thermoai_tip_eval_fn eval, void *user, const uint8_t *mask, double *loss)
{
    double l = (double)NAN;

    if (eval(mask, user, &l) != 0)
        return THERMOAI_E_CALLBACK;
    if (!isfinite(l))
        return THERMOAI_E_NONFINITE;
    *loss = l;
    return THERMOAI_OK;
}

/* dL of every component still kept in mask, against the loss of mask (*base); the
 * removed ones get 0. mask is restored on return. */
static int leave_one_out(size_t n, uint8_t *mask, thermoai_tip_eval_fn eval, void *user,
                         double *base, double *dl)
{
    size_t i;

    THERMOAI__TRY(evaluate(eval, user, mask, base));
    for (i = 0; i < n; i++) {
        double l;
        int status;

        dl[i] = 0.0;
        if (!mask[i])
            continue;
        mask[i] = 0;
        status = evaluate(eval, user, mask, &l);
        mask[i] = 1;
        if (status != THERMOAI_OK)
            return status;
        dl[i] = l - *base;
    }
    return THERMOAI_OK;
}

int thermoai_tip_loss_leave_one_out(size_t n, const uint8_t *keep, thermoai_tip_eval_fn eval,
                                    void *user, void *workspace, size_t workspace_bytes,
                                    double *base_loss, double *delta_loss_nats)
{
    double base = (double)NAN;
    size_t i;
    int status;

    THERMOAI__OUTPUTS(base_loss);
    if (delta_loss_nats == NULL || eval == NULL || workspace == NULL)
        return THERMOAI_E_NULL;
    if (n == 0 || n > THERMOAI__PRUNE_N_MAX)
        return THERMOAI_E_INVALID;
    thermoai__fill_nan_d(delta_loss_nats, n);
    if (keep != NULL)
        for (i = 0; i < n; i++)
            if (keep[i] > 1)
                return THERMOAI_E_INVALID;
    if (workspace_bytes < n)
        return THERMOAI_E_SIZE;
    if (keep != NULL)
        memcpy(workspace, keep, n);
    else
        memset(workspace, 1, n);
    status = leave_one_out(n, (uint8_t *)workspace, eval, user, &base, delta_loss_nats);
    if (status != THERMOAI_OK) {
        thermoai__fill_nan_d(delta_loss_nats, n);
        return status;
    }
    *base_loss = base;
    return THERMOAI_OK;
}

int thermoai_tip_select_rounds(size_t n, const double *energy_j, const double *size,
                               double total_energy_j, uint32_t target, double value, uint32_t rounds,
                               thermoai_tip_eval_fn eval, void *user, void *workspace,
                               size_t workspace_bytes, uint8_t *keep, double *base_loss,
                               double *final_loss, double *saved_fraction, double *size_fraction)
{
    double es, ss, *dl, *key, base = 0.0, cur = 0.0, e_rem = 0.0, s_rem = 0.0;
    size_t *idx, i;
    unsigned char *mask;
    uint32_t r;
    int status;

    THERMOAI__OUTPUTS(base_loss, final_loss, saved_fraction, size_fraction);
    keep_all(keep, n);
    if (keep == NULL || energy_j == NULL || eval == NULL || workspace == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(check_components(n, energy_j, NULL, size, total_energy_j, &es, &ss));
    THERMOAI__TRY(check_target(target, value, es, total_energy_j));
    if (rounds == 0 || rounds > n)
        return THERMOAI_E_INVALID;
    if (thermoai__prune_ws(workspace, workspace_bytes, n, &dl, &idx, &mask) != 0)
        return THERMOAI_E_SIZE;
    key = dl + n;
    memset(mask, 1, n);
    for (r = 1; r <= rounds; r++) {
        double frac = (double)r / (double)rounds, goal, l_rem = 0.0;
        size_t m = 0, k, added;

        status = leave_one_out(n, mask, eval, user, &cur, dl);
        if (status != THERMOAI_OK)
            goto fail;
        if (r == 1)
            base = cur;
        for (i = 0; i < n; i++)
            key[i] = mask[i] ? key_of(dl[i], energy_j[i], total_energy_j) : 0.0;
        thermoai__prune_order(n, key, idx);
        for (k = 0; k < n; k++) /* the kept components, in score order */
            if (mask[idx[k]])
                idx[m++] = idx[k];
        if (target == THERMOAI_TIP_TARGET_QUALITY) {
            /* allowed loss of this round, as an increment over the current loss */
            double allowed = base + log1p(frac * value);

            goal = allowed - cur;
            added = prefix(m, idx, energy_j, dl, size, target, goal, &e_rem, &s_rem, &l_rem, mask);
            if (added > 0) {
                status = evaluate(eval, user, mask, &cur);
                if (status != THERMOAI_OK)
                    goto fail;
                /* measured above the budget: put the last ones back, one at a time */
                while (cur > allowed && added > 0) {
                    size_t j = idx[--added];

                    mask[j] = 1;
                    e_rem -= energy_j[j];
                    s_rem -= size != NULL ? size[j] : 1.0;
                    status = evaluate(eval, user, mask, &cur);
                    if (status != THERMOAI_OK)
                        goto fail;
                }
            }
        } else {
            goal = target == THERMOAI_TIP_TARGET_SPARSITY ? frac * value * ss
                                                           : frac * value * total_energy_j;
            (void)prefix(m, idx, energy_j, dl, size, target, goal, &e_rem, &s_rem, &l_rem, mask);
        }
    }
    /* the loss of the final mask, as measured */
    status = evaluate(eval, user, mask, &cur);
    if (status != THERMOAI_OK)
        goto fail;
    memcpy(keep, mask, n);
    {
        double saved, sized;

        fractions(n, keep, energy_j, size, total_energy_j, ss, &saved, &sized);
        *base_loss = base;
        *final_loss = cur;
        *saved_fraction = saved;
        *size_fraction = sized;
    }
    return THERMOAI_OK;
fail:
    keep_all(keep, n);
    return status;
}

int thermoai_tip_loss_taylor(size_t n_weights, const float *grad, const float *weight,
                             const uint32_t *component, size_t n, double *delta_loss_nats)
{
    size_t j;

    if (delta_loss_nats == NULL || grad == NULL || weight == NULL || component == NULL) {
        if (delta_loss_nats != NULL && n > 0 && n <= THERMOAI__PRUNE_N_MAX)
            thermoai__fill_nan_d(delta_loss_nats, n);
        return THERMOAI_E_NULL;
    }
    if (n == 0 || n > THERMOAI__PRUNE_N_MAX || n_weights == 0)
        return THERMOAI_E_INVALID;
    thermoai__fill_nan_d(delta_loss_nats, n);
    if (!thermoai__all_finite(grad, n_weights) || !thermoai__all_finite(weight, n_weights))
        return THERMOAI_E_NONFINITE;
    memset(delta_loss_nats, 0, n * sizeof *delta_loss_nats);
    for (j = 0; j < n_weights; j++)
        if (component[j] < n)
            delta_loss_nats[component[j]] += (double)grad[j] * (double)weight[j];
    for (j = 0; j < n; j++) {
        delta_loss_nats[j] = fabs(delta_loss_nats[j]);
        if (!isfinite(delta_loss_nats[j])) {
            thermoai__fill_nan_d(delta_loss_nats, n);
            return THERMOAI_E_RANGE;
        }
    }
    return THERMOAI_OK;
}

/* Mean ranks (1-based) of key[0..n) into rank, ties sharing their mean; idx is scratch. */
static void mean_ranks(size_t n, const double *key, size_t *idx, double *rank)
{
    size_t i = 0;

    thermoai__prune_order(n, key, idx);
    while (i < n) {
        size_t j = i + 1, k;
        double r;

        while (j < n && key[idx[j]] == key[idx[i]])
            j++;
        r = 0.5 * ((double)(i + 1) + (double)j); /* mean of ranks i+1 .. j */
        for (k = i; k < j; k++)
            rank[idx[k]] = r;
        i = j;
    }
}

int thermoai_tip_rank_correlation(size_t n, const double *x, const double *y, void *workspace,
                                  size_t workspace_bytes, double *rho)
{
    double *rx, *ry, mean, sxy = 0.0, sxx = 0.0, syy = 0.0, r;
    size_t *idx, i;
    unsigned char *spare;

    THERMOAI__OUTPUTS(rho);
    if (x == NULL || y == NULL || workspace == NULL)
        return THERMOAI_E_NULL;
    if (n < 2 || n > THERMOAI__PRUNE_N_MAX)
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite_d(x, n) || !thermoai__all_finite_d(y, n))
        return THERMOAI_E_NONFINITE;
    if (thermoai__prune_ws(workspace, workspace_bytes, n, &rx, &idx, &spare) != 0)
        return THERMOAI_E_SIZE;
    ry = rx + n;
    mean_ranks(n, x, idx, rx);
    mean_ranks(n, y, idx, ry);
    mean = 0.5 * ((double)n + 1.0); /* the mean of any set of mean ranks */
    for (i = 0; i < n; i++) {
        double a = rx[i] - mean, b = ry[i] - mean;

        sxy += a * b;
        sxx += a * a;
        syy += b * b;
    }
    if (!(sxx > 0.0) || !(syy > 0.0))
        return THERMOAI_E_DOMAIN;
    r = sxy / sqrt(sxx * syy);
    if (r > 1.0)
        r = 1.0;
    if (r < -1.0)
        r = -1.0;
    *rho = r;
    return THERMOAI_OK;
}
