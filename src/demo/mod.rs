//! A realistic synthetic caseload (`passport demo`), so a new user sees a living app at once.
