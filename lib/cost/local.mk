## lib/cost: hardware profiles, work counting and energy cost models.
## Depends on lib/common, lib/bounds and lib/model. (Empty until the cost-model work lands.)
