/* SPDX-License-Identifier: MIT */
/*
 * The verdict rule of `thermoai reproduce` (repro/repro.c):
 * significant digits read from printed text, the three match forms, and the
 * notes repro_add() writes. Expected values are worked out by hand below.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "calls.h"
#include "repro.h"
#include "../harness/tap.h"

static void sig_digits(void)
{
    static const struct {
        const char *text;
        int sig;
    } cases[] = {
        { "2.85 × 10^-21 joules", 3 }, /* mantissa 2.85 */
        { "2.87×10^-21 J", 3 },
        { "3×10^8 times", 1 },
        { "0.08", 1 },           /* leading zeros never count */
        { "0.0040", 2 },         /* trailing zeros after the point count */
        { "4.00", 3 },
        { "1,287 MWh", 4 },      /* thousands separator */
        { "578,703 t/s", 6 },
        { "1300", 2 },           /* trailing zeros of an integer do not count */
        { "51,000", 2 },
        { "100.5", 4 },
        { "17 fJ", 2 },
        { ".5", 1 },
        { "$1.75M/year", 3 },
        { "≈ 19.4 Joules", 3 },
        { "0", 1 },
        { "0.0", 1 },
        { "none printed", 0 },
        { "", 0 },
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        tap_ok(repro_sig_digits(cases[i].text) == cases[i].sig,
               "significant digits of '%s' = %d (got %d)", cases[i].text, cases[i].sig,
               repro_sig_digits(cases[i].text));
    tap_ok(repro_sig_digits(NULL) == 0, "NULL text has no digits");
}

static void verdicts(void)
{
    /* kT ln2 at 300 K = 2.8709788850787e-21 J */
    const double kt = 2.8709788850787238e-21;

    tap_ok(repro_verdict(REPRO_POINT, kt, 2.85e-21, 0, 0, 3) == REPRO_MISMATCH,
           "2.871e-21 rounds to 2.87e-21, not 2.85e-21");
    tap_ok(repro_verdict(REPRO_POINT, kt, 2.87e-21, 0, 0, 3) == REPRO_MATCH,
           "2.871e-21 matches 2.87e-21 at 3 digits");
    tap_ok(repro_verdict(REPRO_POINT, kt, 2.9e-21, 0, 0, 2) == REPRO_MATCH,
           "2.871e-21 matches 2.9e-21 at 2 digits");
    tap_ok(repro_verdict(REPRO_POINT, kt, 3e-21, 0, 0, 1) == REPRO_MATCH,
           "2.871e-21 matches 3e-21 at 1 digit");
    tap_ok(repro_verdict(REPRO_POINT, kt, 2.871e-21, 0, 0, 4) == REPRO_MATCH,
           "2.871e-21 matches 2.871e-21 at 4 digits");
    tap_ok(repro_verdict(REPRO_POINT, kt, 2.870e-21, 0, 0, 4) == REPRO_MISMATCH,
           "2.87098e-21 does not match 2.870e-21 at 4 digits");
    /* half a unit in the last digit is the boundary, inclusive */
    tap_ok(repro_verdict(REPRO_POINT, 1.55, 1.5, 0, 0, 2) == REPRO_MATCH, "1.55 vs 1.5: boundary matches");
    tap_ok(repro_verdict(REPRO_POINT, 1.45, 1.5, 0, 0, 2) == REPRO_MATCH, "1.45 vs 1.5: boundary matches");
    tap_ok(repro_verdict(REPRO_POINT, 1.5500001, 1.5, 0, 0, 2) == REPRO_MISMATCH, "1.5500001 vs 1.5");
    tap_ok(repro_verdict(REPRO_POINT, 1.4499999, 1.5, 0, 0, 2) == REPRO_MISMATCH, "1.4499999 vs 1.5");
    tap_ok(repro_verdict(REPRO_POINT, 1349.0, 1300.0, 0, 0, 2) == REPRO_MATCH, "1349 vs 1300 (2 digits)");
    tap_ok(repro_verdict(REPRO_POINT, 1351.0, 1300.0, 0, 0, 2) == REPRO_MISMATCH, "1351 vs 1300 (2 digits)");
    tap_ok(repro_verdict(REPRO_POINT, 9.96, 10.0, 0, 0, 3) == REPRO_MATCH, "9.96 vs 10.0 (unit 0.1)");
    tap_ok(repro_verdict(REPRO_POINT, -2.46, -2.5, 0, 0, 2) == REPRO_MATCH, "negative values");
    tap_ok(repro_verdict(REPRO_POINT, 0.0, 0.0, 0, 0, 1) == REPRO_MATCH, "0 vs printed 0");
    tap_ok(repro_verdict(REPRO_POINT, 1e-30, 0.0, 0, 0, 1) == REPRO_MISMATCH, "1e-30 vs printed 0");
    tap_ok(repro_verdict(REPRO_POINT, (double)NAN, 1.0, 0, 0, 1) == REPRO_MISMATCH, "NaN never matches");
    tap_ok(repro_verdict(REPRO_POINT, 1.0, 1.0, 0, 0, 0) == REPRO_MISMATCH, "no digits: mismatch");

    tap_ok(repro_verdict(REPRO_RANGE, 5.0, 0, 1.0, 10.0, 0) == REPRO_MATCH, "5 in [1, 10]");
    tap_ok(repro_verdict(REPRO_RANGE, 10.0, 0, 1.0, 10.0, 0) == REPRO_MATCH, "10 in [1, 10]");
    tap_ok(repro_verdict(REPRO_RANGE, 0.5, 0, 1.0, 10.0, 0) == REPRO_MISMATCH, "0.5 not in [1, 10]");
    tap_ok(repro_verdict(REPRO_RANGE, 3.0, 0, 10.0, 1.0, 0) == REPRO_MISMATCH, "inverted range never matches");

    tap_ok(repro_verdict(REPRO_ORDER, 3.48e8, 1e8, 0, 0, 0) == REPRO_MATCH, "3.48e8 is of order 10^8");
    tap_ok(repro_verdict(REPRO_ORDER, 1e21, 1e21, 0, 0, 0) == REPRO_MATCH, "1e21 is of order 10^21");
    tap_ok(repro_verdict(REPRO_ORDER, 9.9e20, 1e21, 0, 0, 0) == REPRO_MISMATCH,
           "9.9e20 is of order 10^20, not 10^21");
    tap_ok(repro_verdict(REPRO_ORDER, -1e8, 1e8, 0, 0, 0) == REPRO_MISMATCH, "negative never matches an order");
    tap_ok(strcmp(repro_verdict_name(REPRO_NOT_DERIVABLE), "not-derivable") == 0
               && strcmp(repro_verdict_name(REPRO_RERUN), "rerun") == 0,
           "verdict names follow REPRODUCTION.md");
}

static void records(void)
{
    struct repro_list list;
    struct repro_reading r[2] = { { "T = 298 K", 2.85e-21 }, { "k_B rounded", 2.8696e-21 } };
    struct repro_spec s = { 0 };

    repro_list_init(&list);
    s.id = "E000-landauer300.01";
    s.quantity = "q";
    s.unit = "J";
    s.paper_text = "2.85 × 10^-21 J";
    s.paper = 2.85e-21;
    s.computed = 2.8709788850787238e-21;
    s.readings = r;
    s.n_readings = 2;
    if (!tap_ok(repro_add(&list, &s) == 0 && list.n == 1, "a record is added")) {
        repro_list_free(&list);
        return;
    }
    tap_ok(list.rec[0].verdict == REPRO_MISMATCH, "its verdict is mismatch");
    tap_ok(strstr(list.rec[0].note, "computed/paper = 1.007") != NULL,
           "the note gives computed/paper: '%s'", list.rec[0].note);
    tap_ok(strstr(list.rec[0].note, "reproduced by: T = 298 K") != NULL
               && strstr(list.rec[0].note, "k_B rounded") == NULL,
           "the note names the matching reading and only it");
    tap_ok(repro_add(&list, &s) != 0 && list.failed, "a duplicate id is refused");

    repro_list_free(&list);
    s.id = "E999-nothing.01";
    tap_ok(repro_add(&list, &s) != 0, "an id outside the catalog is refused");
    repro_list_free(&list);
    s.id = "E000-landauer300";
    tap_ok(repro_add(&list, &s) != 0, "an id without .NN is refused");
    repro_list_free(&list);
    s.id = "E001-sec3.4.01";
    tap_ok(repro_add(&list, &s) == 0 && list.n == 1, "catalog ids with dots (E001-sec3.4) take .NN");
    repro_list_free(&list);
    s.id = "E001-sec3.4";
    tap_ok(repro_add(&list, &s) != 0, "...but not alone");
    repro_list_free(&list);
    s.id = "E000-landauer300.1a";
    tap_ok(repro_add(&list, &s) != 0, "the suffix is digits only");
    repro_list_free(&list);
    s.id = "E000-landauer300.01";
    s.computed = (double)NAN;
    tap_ok(repro_add(&list, &s) != 0 && list.n == 0, "a NaN computed value is refused");
    repro_list_free(&list);
    s.computed = 2.8709788850787238e-21;
    s.paper = 2.87e-21;
    s.paper_text = "2.87e-21";
    if (tap_ok(repro_add(&list, &s) == 0, "a matching record is added"))
        tap_ok(list.rec[0].verdict == REPRO_MATCH
                   && strstr(list.rec[0].note, "3 significant digits") != NULL,
               "a match records the rule that applied: '%s'", list.rec[0].note);
    repro_list_free(&list);
}

/* REPRO_CALL: the value on THERMOAI_OK, NaN (and a message) on any other status. */
static void checked_calls(void)
{
    const double e = REPRO_CALL(thermoai_landauer_energy_per_bit_j, 300.0);
    const double ratio = REPRO_CALL(thermoai_ter_ratio, 2.0, 0.5);
    const double bad = REPRO_CALL(thermoai_landauer_energy_per_bit_j, -1.0);
    const double nan_in = REPRO_CALL(thermoai_ter_ratio, (double)NAN, 1.0);

    /* k_B T ln 2 at 300 K, mpmath at 30 digits: 2.87097888507872379450e-21 */
    tap_ok(fabs(e - 2.87097888507872379450e-21) <= 4e-37, "REPRO_CALL(1 input) is the output");
    tap_ok(ratio == 4.0, "REPRO_CALL(2 inputs): 2 / 0.5 = 4");
    tap_ok(isnan(bad), "a negative temperature gives NaN, not a value");
    tap_ok(isnan(nan_in), "a NaN input gives NaN");
}

/* The selection of `thermoai reproduce --verdict/--id` and the shared part of a note. */
static void selection(void)
{
    struct repro_list list;
    struct repro_spec s = { 0 };
    struct repro_filter f = { 0 };
    const char *pre[2] = { "E000-land", "XDOC" };

    repro_list_init(&list);
    s.quantity = "q";
    s.unit = "J";
    s.paper_text = "2.87e-21";
    s.paper = 2.87e-21;
    s.computed = 2.8709788850787238e-21;
    s.note = "a context shared by the two records of this test, long enough";
    s.id = "E000-landauer300.01";
    repro_add(&list, &s);
    s.id = "E000-landauer300.02";
    s.computed = 3e-21;
    repro_add(&list, &s);
    repro_add_not_derivable(&list, "E001-eq1.01", "q", "J", 1.0, "1 J", "input X missing");
    if (!tap_ok(list.n == 3 && !list.failed, "three records")) {
        repro_list_free(&list);
        return;
    }
    tap_ok(strcmp(list.rec[0].note + list.rec[0].shared_at, s.note) == 0
               && strncmp(list.rec[0].note, "match at", 8) == 0,
           "the shared part of a note is the driver's context: '%s'",
           list.rec[0].note + list.rec[0].shared_at);
    tap_ok(list.rec[2].shared_at == 0, "a not-derivable note may be shared whole");
    tap_ok(list.rec[0].selected && list.rec[1].selected && list.rec[2].selected,
           "every record starts selected");
    f.verdicts = 1u << REPRO_MISMATCH;
    tap_ok(repro_select(&list, &f) == 1 && list.rec[1].selected && !list.rec[0].selected,
           "--verdict mismatch selects the mismatch only");
    f.verdicts = 1u << REPRO_MATCH | 1u << REPRO_NOT_DERIVABLE;
    tap_ok(repro_select(&list, &f) == 2 && !list.rec[1].selected, "two verdicts");
    f.verdicts = 0;
    f.prefixes = pre;
    f.n_prefixes = 2;
    tap_ok(repro_select(&list, &f) == 2 && !list.rec[2].selected, "id prefixes");
    pre[0] = "E000-landauer300.02";
    tap_ok(repro_select(&list, &f) == 1 && list.rec[1].selected, "a whole record id");
    f.verdicts = 1u << REPRO_MATCH;
    tap_ok(repro_select(&list, &f) == 0, "the filters combine (and)");
    tap_ok(repro_select(&list, NULL) == 3, "no filter selects all");
    repro_list_free(&list);

    tap_ok(repro_prefix_known("E000") && repro_prefix_known("T000-TER")
               && repro_prefix_known("E000-landauer300.") && repro_prefix_known("E000-landauer300.01"),
           "known prefixes");
    tap_ok(!repro_prefix_known("") && !repro_prefix_known("Z9") && !repro_prefix_known(NULL)
               && !repro_prefix_known("E000-landauer300.0x") && !repro_prefix_known("e000"),
           "unknown prefixes");
    tap_ok(repro_verdict_from_name("not-derivable") == REPRO_NOT_DERIVABLE
               && repro_verdict_from_name("Match") == -1 && repro_verdict_from_name(NULL) == -1,
           "verdict names");
    tap_ok(repro_text_width(NULL) == 80 && repro_text_width("120") == 120
               && repro_text_width("39") == 80 && repro_text_width("40") == 40
               && repro_text_width("1001") == 80 && repro_text_width("80x") == 80
               && repro_text_width("-100") == 80 && repro_text_width("") == 80,
           "COLUMNS: an integer in [40, 1000], else 80");
}

int main(void)
{
    checked_calls();
    sig_digits();
    verdicts();
    records();
    selection();
    return tap_done();
}
