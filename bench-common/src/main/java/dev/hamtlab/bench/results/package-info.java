/**
 * The results folder, at the bottom of bench-common: what each of its files and folders is
 * called, how a file in it is written whole, and how a folder is cleaned for a new run or a
 * resume. Every other package reads and writes results through these names; this one depends on
 * none of them.
 */
package dev.hamtlab.bench.results;
