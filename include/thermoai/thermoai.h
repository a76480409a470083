/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/thermoai.h
 * \brief Umbrella header: the only header applications include.
 *
 * \code
 * #include <thermoai/thermoai.h>
 * \endcode
 * Link with the flags from \c pkg-config \c --cflags \c --libs \c thermoai.
 */
#ifndef THERMOAI_H
#define THERMOAI_H

#define THERMOAI_H_INSIDE
#include <thermoai/export.h>
#include <thermoai/status.h>
#include <thermoai/version.h>
#include <thermoai/types.h>
#include <thermoai/constants.h>
#include <thermoai/landauer.h>
#include <thermoai/model.h>
#include <thermoai/model_preset.h>
#include <thermoai/entropy.h>
#include <thermoai/ter.h>
#include <thermoai/tip.h>
#include <thermoai/info.h>
#include <thermoai/negentropy.h>
#include <thermoai/quadrature.h>
#include <thermoai/flux.h>
#include <thermoai/scaling.h>
#include <thermoai/loss.h>
#include <thermoai/allocate.h>
#include <thermoai/precision.h>
#include <thermoai/sparsity.h>
#include <thermoai/energy.h>
#include <thermoai/interval.h>
#include <thermoai/attention.h>
#include <thermoai/synth.h>
#include <thermoai/ssa.h>
#include <thermoai/spectral.h>
#undef THERMOAI_H_INSIDE

#endif /* THERMOAI_H */
