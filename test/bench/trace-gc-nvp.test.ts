import { describe, expect, it } from 'vitest';
import { nvpCollections } from '../../bench/trace-gc-nvp.js';

// Real lines of `node --trace-gc-nvp` (Node 20): one scavenge, one mark-compact.
const SCAVENGE = '[15402:0x40cef080]      101 ms: pause=9.8 mutator=6.4 gc=s reduce_memory=0 time_to_safepoint=0.00 heap.prologue=0.00 heap.epilogue=0.00 heap.epilogue.reduce_new_space=0.00 heap.external.prologue=0.00 heap.external.epilogue=0.00 heap.external_weak_global_handles=0.00 fast_promote=0.00 complete.sweep_array_buffers=0.00 scavenge=9.76 scavenge.free_remembered_set=0.01 scavenge.roots=0.06 scavenge.weak=0.00 scavenge.weak_global_handles.identify=0.00 scavenge.weak_global_handles.process=0.00 scavenge.parallel=9.46 scavenge.update_refs=0.00 scavenge.sweep_array_buffers=0.00 background.scavenge.parallel=32.70 background.unmapper=2.40 unmapper=0.00 incremental.steps_count=0 incremental.steps_took=0.0 scavenge_throughput=1680530 total_size_before=43213936 total_size_after=37994512 holes_size_before=96 holes_size_after=896952 allocated=8507176 promoted=9927240 new_space_survived=3032360 nodes_died_in_new=0 nodes_copied_in_new=0 nodes_promoted=0 promotion_ratio=53.6% average_survival_ratio=81.9% promotion_rate=96.2% new_space_survive_rate_=16.4% new_space_allocation_throughput=1224168.9 unmapper_chunks=1';
const MARK_COMPACT = '[15402:0x40cef080]      141 ms: pause=22.2 mutator=17.8 gc=mc reduce_memory=0 time_to_safepoint=0.00 heap.prologue=0.00 heap.embedder_tracing_epilogue=0.02 heap.epilogue=0.00 heap.epilogue.reduce_new_space=0.00 heap.external.prologue=0.0 heap.external.epilogue=0.0 heap.external.weak_global_handles=0.0 clear=0 clear.external_string_table=0.0 clear.string_forwarding_table=0.0 clear.weak_global_handles=0.0 clear.dependent_code=0.0 clear.maps=0.0 clear.slots_buffer=0.0 clear.weak_collections=0.0 clear.weak_lists=0.0 clear.weak_references=0.0 clear.join_job=0.1 complete.sweep_array_buffers=0.0 complete.sweeping=0.0 epilogue=0.0 evacuate=7.5 evacuate.candidates=0.0 evacuate.clean_up=0.0 evacuate.copy=5.9 evacuate.prologue=0.1 evacuate.epilogue=0.0 evacuate.rebalance=0.1 evacuate.update_pointers=1.4 evacuate.update_pointers.to_new_roots=0.2 evacuate.update_pointers.slots.main=1.2 evacuate.update_pointers.weak=0.0 finish=0.0 finish.sweep_array_buffers=0.0 mark=14.0 mark.finish_incremental=0.0 mark.roots=0.1 mark.full_closure_parallel=3.5 mark.full_closure=10.4 mark.ephemeron.marking=13.5 mark.ephemeron.linear=0.0 mark.embedder_prologue=0.0 mark.embedder_tracing=0.0 prologue=0.0 sweep=1.4 sweep.code=0.0 sweep.map=0.0 sweep.new=0.0 sweep.new_lo=0.0 sweep.old=0.1 incremental=0.0 incremental.finalize=0.0 incremental.finalize.external.prologue=0.0 incremental.finalize.external.epilogue=0.0 incremental.layout_change=0.0 incremental.sweep_array_buffers=0.0 incremental.sweeping=0.0 incremental.embedder_prologue=0.0 incremental.embedder_tracing=0.0 incremental_wrapper_tracing_longest_step=0.0 incremental_longest_step=0.0 incremental_steps_count=0 incremental_marking_throughput=131072 incremental_walltime_duration=0 background.mark=3.5 background.sweep=1.3 background.evacuate.copy=15.1 background.evacuate.update_pointers=1.0 background.unmapper=0.1 unmapper=0.0 total_size_before=61381776 total_size_after=17907584 holes_size_before=8184 holes_size_after=626944 allocated=23387264 promoted=6949960 new_space_survived=0 nodes_died_in_new=6 nodes_copied_in_new=0 nodes_promoted=0 promotion_ratio=37.2% average_survival_ratio=77.2% promotion_rate=229.2% new_space_survive_rate=0.0% new_space_allocation_throughput=963815.8 unmapper_chunks=101 compaction_speed=341357';

describe('nvpCollections', () => {
  it('sums what scavenges and full collections promoted and what was allocated before each', () => {
    const output = ['{"level":30,"msg":"listening"}', SCAVENGE, SCAVENGE, MARK_COMPACT, ''].join('\n');
    expect(nvpCollections(output)).toEqual({
      scavenges: 2,
      full: 1,
      promotedBytes: 2 * 9927240 + 6949960,
      allocatedBytes: 2 * 8507176 + 23387264,
    });
  });

  it('finds nothing in output without collection lines', () => {
    expect(nvpCollections('listening\n[1:0x1]  12 ms: Scavenge 3.1 (4.2) -> 2.9 (5.2) MB, 0.41 / 0.00 ms\n')).toEqual({
      scavenges: 0,
      full: 0,
      promotedBytes: 0,
      allocatedBytes: 0,
    });
  });

  it('reads promoted= itself, not nodes_promoted= or a rate, wherever they stand in the line', () => {
    const line = '[1:0x1]       9 ms: pause=0.5 gc=s nodes_promoted=7 promotion_rate=96.2% promoted=100 allocated=5';
    expect(nvpCollections(line)).toEqual({ scavenges: 1, full: 0, promotedBytes: 100, allocatedBytes: 5 });
  });
});
