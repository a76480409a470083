## tests/cost: the public API of lib/cost (empty until the cost models land).
