using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Planning;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Running;

/// <summary>What one run works with: the runtime, the experience and its plan, the run's files, the sampler and the clock.</summary>
/// <param name="Runtime">The container runtime.</param>
/// <param name="Experience">The experience.</param>
/// <param name="Plan">What the run creates.</param>
/// <param name="Records">The run's files.</param>
/// <param name="Metrics">The run's sampler.</param>
/// <param name="Time">The clock.</param>
internal sealed record RunContext(IContainerRuntime Runtime, Experience Experience, RunPlan Plan, RunRecords Records, MetricsSampler Metrics, TimeProvider Time);
