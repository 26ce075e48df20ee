from case import case, ok, bad
CASES = []
