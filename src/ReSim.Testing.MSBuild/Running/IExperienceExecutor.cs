using ReSim.Testing.Engine.Model;
using ReSim.Testing.MSBuild.Items;

namespace ReSim.Testing.MSBuild.Running;

/// <summary>Loads and runs one experience; the seam between the tasks and the engine.</summary>
internal interface IExperienceExecutor
{
    /// <summary>Loads <paramref name="experience"/>'s compose file and runs it to a verdict, leaving everything in <paramref name="resultsDirectory"/>.</summary>
    /// <param name="experience">The experience.</param>
    /// <param name="resultsRoot">The folder that holds every experience's results folder; nothing outside it is ever deleted.</param>
    /// <param name="resultsDirectory">The folder for its logs, metrics, timeline and outputs, directly inside <paramref name="resultsRoot"/>.</param>
    /// <param name="observer">Receives state changes and log lines.</param>
    /// <param name="cancellationToken">Cancels the run; everything it created is still torn down.</param>
    /// <returns>The outcome; infrastructure problems are an <see cref="Engine.Results.ExperienceVerdict.Error"/> outcome, not an exception.</returns>
    Task<ExperienceOutcome> RunAsync(ExperienceItem experience, string resultsRoot, string resultsDirectory, IExperienceObserver observer, CancellationToken cancellationToken);
}
