/**
 * The adapters that put every map behind {@link dev.hamtlab.bench.peers.MeasuredMap}, the way each is really
 * driven: a {@code java.util.Map} or Scala's mutable map changed in place (HashMap, the phases,
 * Eclipse's and fastutil's maps), Clojure's transient by keeping what each change returns, Scala's
 * immutable and Vavr's persistent maps by replacing them with each new version, and the int-keyed
 * maps unboxing their keys, so that the benchmarks drive every {@link dev.hamtlab.bench.Implementation} alike.
 */
package dev.hamtlab.bench.peers;
