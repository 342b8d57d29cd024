//! End-to-end tests: the real bot (serenity + poise) against the local Discord emulator, with a
//! real SQLite file per test. One test binary, so it links once.

mod answer_time;
mod authoring;
mod bench;
mod boards;
mod cli;
mod common;
mod crash;
mod demo;
mod emulator_contract;
mod experts;
mod faults;
mod formats;
mod gateway;
mod kinds;
mod languages;
mod measurement;
mod privacy;
mod quizzes;
mod reinforcement;
mod reports;
mod scale;
mod security;
mod startup;
mod steering;
mod teach;
