# SPDX-License-Identifier: MIT
"""The worked example in Python: see ter_worked.c."""
import struct

import thermoai

arch = thermoai.ModelArch.from_preset("llama-2-7b")
ter = thermoai.ter_per_token(arch, None, energy_per_token_j=0.4)
bits = struct.unpack("<Q", struct.pack("<d", ter))[0]
print("TER llama-2-7b at 0.4 J/token: %.17g (bits 0x%016x)" % (ter, bits))
