#include <stdio.h>
#include <thermoai/thermoai.h>

int main(void)
{
    double per_bit_j, ratio;

    /* kT ln 2 at 300 K, and 0.707 pJ per operation (H100 BF16 at TDP) against it */
    if (thermoai_landauer_energy_per_bit_j(300.0, &per_bit_j) != THERMOAI_OK
        || thermoai_landauer_ratio(0.707e-12, 300.0, &ratio) != THERMOAI_OK)
        return 1;
    printf("Landauer limit at 300 K: %.6g J per bit\n", per_bit_j);
    printf("0.707 pJ per operation is %.3g times the limit\n", ratio);
    return 0;
}
