"""Word statistics, built story by story by tdd-waves."""
