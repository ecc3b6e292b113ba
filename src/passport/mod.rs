//! Printable Equipment Passports (PDF): layout, rendering, A5 booklets, audience rules.
