"""Pure entity patterns: map what users write to the contract's canonical values."""
