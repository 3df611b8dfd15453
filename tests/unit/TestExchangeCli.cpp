// CLI tests of `yuegong-cli exchange` (filled in below).
