"""Sample letters for the letter channel: a few committed PNGs and the generator that makes the rest."""
