package io.mensageria.bench;

/** One limit of the machine, measured in this run: how many of something per second. */
record Measurement(String name, String unit, double perSecond, String how) {}
