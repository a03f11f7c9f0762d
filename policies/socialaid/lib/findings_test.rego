package socialaid.lib_test

import data.socialaid.lib

# lib.money rounds half a fen away from zero as the decimal does, though the binary product falls a hair
# short: 705 × 0.065 = 45.825 → 45.83 (it was 45.82); 808 × 0.3 = 242.4; −45.825 → −45.83; 45.824 → 45.82.
test_money_rounds_the_decimal_half_fen_away_from_zero if {
	lib.money(705 * 0.065) == 45.83
	lib.money(808 * 0.3) == 242.4
	lib.money(0 - (705 * 0.065)) == -45.83
	lib.money(45.824) == 45.82
}
