/* SPDX-License-Identifier: MIT */
/* TIP scoring (paper 000 Sec. 5.2-5.3); expected values worked out by hand. */
#include "config.h"

#include <float.h>
#include <math.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

int main(void)
{
    double x = 0;

    /* (5.54 - 5.47) / 5.47 = 0.0127970749... */
    tap_ok(thermoai_tip_relative_degradation(5.47, 5.54, &x) == THERMOAI_OK
               && fabs(x - 0.07 / 5.47) <= 8 * DBL_EPSILON,
           "TIP 50%%: 1.28%% degradation (got %.6g)", x);
    tap_ok(thermoai_tip_relative_degradation(4.0, 6.0, &x) == THERMOAI_OK && x == 0.5,
           "4 -> 6 is +50%% exactly");
    tap_ok(thermoai_tip_relative_degradation(6.0, 3.0, &x) == THERMOAI_OK && x == -0.5,
           "an improvement is negative");
    tap_ok(thermoai_tip_relative_degradation(5.0, 5.0, &x) == THERMOAI_OK && x == 0.0, "no change: 0");
    x = 1;
    tap_ok(thermoai_tip_relative_degradation(0.5, 5.0, &x) == THERMOAI_E_INVALID && isnan(x),
           "perplexity below 1 -> E_INVALID, NaN");
    tap_ok(thermoai_tip_relative_degradation((double)NAN, 5.0, &x) == THERMOAI_E_NONFINITE, "NaN perplexity");
    tap_ok(thermoai_tip_relative_degradation(5.0, (double)INFINITY, &x) == THERMOAI_E_NONFINITE, "Inf perplexity");
    tap_ok(thermoai_tip_relative_degradation(5.0, 5.0, NULL) == THERMOAI_E_NULL, "NULL output");

    /* s = (dPPL/PPL) / (E_i/E_total): (6-4)/4 = 0.5 over 0.25 of the energy = 2 */
    tap_ok(thermoai_tip_score(4.0, 6.0, 1.0, 4.0, &x) == THERMOAI_OK && x == 2.0,
           "score 0.5 / 0.25 = 2");
    tap_ok(thermoai_tip_score(4.0, 6.0, 2.0, 4.0, &x) == THERMOAI_OK && x == 1.0,
           "twice the energy halves the score");
    tap_ok(thermoai_tip_score(4.0, 4.0, 1.0, 4.0, &x) == THERMOAI_OK && x == 0.0,
           "a free component scores 0");
    tap_ok(thermoai_tip_score(6.0, 3.0, 1.0, 2.0, &x) == THERMOAI_OK && x == -1.0,
           "a harmful component scores below 0: -0.5 / 0.5 = -1");
    x = 1;
    tap_ok(thermoai_tip_score(4.0, 6.0, 0.0, 4.0, &x) == THERMOAI_E_INVALID && isnan(x),
           "zero component energy -> E_INVALID, NaN");
    tap_ok(thermoai_tip_score(4.0, 6.0, 5.0, 4.0, &x) == THERMOAI_E_INVALID, "component above total");
    tap_ok(thermoai_tip_score(4.0, 6.0, (double)NAN, 4.0, &x) == THERMOAI_E_NONFINITE, "NaN energy");
    tap_ok(thermoai_tip_score(0.9, 6.0, 1.0, 4.0, &x) == THERMOAI_E_INVALID, "perplexity below 1");
    tap_ok(thermoai_tip_score(4.0, 6.0, 1.0, 4.0, NULL) == THERMOAI_E_NULL, "NULL output");
    return tap_done();
}
