import { configure } from '@testing-library/react';

// Routes load lazily (their own chunks) and CI shares two cores with the server tests: give
// findBy/waitFor 5 s instead of 1 s before they call a screen missing.
configure({ asyncUtilTimeout: 5_000 });
