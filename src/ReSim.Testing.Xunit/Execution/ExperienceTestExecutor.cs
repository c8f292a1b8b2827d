using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using ReSim.Testing.Configuration;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Reporting;
using ReSim.Testing.Sdk;

namespace ReSim.Testing.Execution;

/// <summary>
/// Runs the experience of one [ComposeExperience] test: resolves its paths, loads its compose file, waits for
/// a free slot, runs it, reports and attaches what it left, and maps the verdict to the test's outcome.
/// </summary>
/// <param name="services">The loader, the runner and the slots.</param>
/// <param name="report">The test's output and attachments.</param>
internal sealed class ExperienceTestExecutor(ExperienceServices services, IExperienceTestReport report)
{
    /// <summary>The most bytes of one service log attached to a test result.</summary>
    public const long MaxLogBytes = 16L * 1024 * 1024;

    /// <summary>Runs <paramref name="spec"/> for a test in <paramref name="testAssembly"/>.</summary>
    /// <param name="spec">The experience.</param>
    /// <param name="testAssembly">The test assembly: its project folder and settings.</param>
    /// <param name="cancellationToken">The test's token: cancelling it tears the experience down.</param>
    /// <returns>The result to give the method body, or the failure to report.</returns>
    public async Task<ExperienceTestOutcome> RunAsync(ExperienceTestSpec spec, Assembly testAssembly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(testAssembly);
        report.ClearEarlierAttachments();
        try
        {
            var experience = Prepare(spec, ProjectDirectory.Of(testAssembly), RetentionSetting.Of(testAssembly));
            var result = await RunInSlotAsync(experience, testAssembly, cancellationToken).ConfigureAwait(false);
            Report(result, testAssembly);
            TestRunIndex.Add(report, experience.Request.Settings.Name ?? result.RunId, result);
            var rules = RulesDocumentOf(testAssembly);
            return result.Verdict switch
            {
                ExperienceVerdict.Passed => ExperienceTestOutcome.Passed(result),
                ExperienceVerdict.Error => ExperienceTestOutcome.Failed(new ExperienceSetupException(FailureMessages.Infrastructure(result.Reason?.ToString() ?? "the engine gave no reason.", rules)), result),
                _ => ExperienceTestOutcome.Failed(new ExperienceFailedException(FailureMessages.Verdict(result, rules)), result),
            };
        }
        catch (ExperienceSetupException e)
        {
            // A fresh, never-thrown exception: its message says everything, and a stack trace of this library would only bury it.
            return ExperienceTestOutcome.Failed(new ExperienceSetupException(e.Message));
        }
    }

    // Recorded at build time by the package's props (the package's copy); else one above this library (a source checkout).
    private static string? RulesDocumentOf(Assembly testAssembly)
    {
        var recorded = BuildMetadata.Value(testAssembly, "ReSim.Testing.RulesDocument");
        return !string.IsNullOrEmpty(recorded) && File.Exists(recorded) ? recorded : RulesDocument.Near(typeof(ExperienceTestExecutor).Assembly.Location);
    }

    private LoadedExperience Prepare(ExperienceTestSpec spec, ProjectDirectory project, ResultsRetention? retention)
    {
        var composePath = project.Resolve(spec.ComposeFile);
        if (!File.Exists(composePath))
        {
            throw new ExperienceSetupException(
                $"The compose file \"{spec.ComposeFile}\" was not found at {composePath}. Relative paths are resolved against the test project's folder, {project.Path} ({project.HowFound}); fix the path in [ComposeExperience].");
        }

        // Discovery has read these settings already; only a test case serialized by another version could fail here.
        var parsed = spec.Read(project.Path);
        if (!parsed.IsValid)
        {
            throw new ExperienceSetupException($"[ComposeExperience] cannot run: {string.Join(" ", parsed.Problems)}");
        }

        if (parsed.Settings.InputsDirectory is { } inputs && !Directory.Exists(inputs))
        {
            throw new ExperienceSetupException(
                $"The inputs folder \"{spec.Settings.Inputs}\" was not found at {inputs}. Relative paths are resolved against the test project's folder, {project.Path} ({project.HowFound}); create the folder or fix Inputs in [ComposeExperience].");
        }

        report.WriteLine($"ReSim experience: {composePath}, profile {parsed.Profile ?? "(none)"}");
        var loaded = services.Load(new ExperienceRequest
        {
            ComposeFile = composePath,
            Profile = parsed.Profile,
            Settings = parsed.Settings with
            {
                Name = parsed.Settings.Name ?? (parsed.Profile is null ? Path.GetFileName(composePath) : $"{Path.GetFileName(composePath)} ({parsed.Profile})"),
                ResultsRetention = retention,
            },
        });
        foreach (var warning in loaded.Load.Warnings)
        {
            report.WriteLine(warning.ToString());
        }

        if (!loaded.CanRun)
        {
            throw new ExperienceSetupException(FailureMessages.ComposeErrors(composePath, loaded.Load.Errors.ToArray()));
        }

        return loaded;
    }

    private async Task<ExperienceResult> RunInSlotAsync(LoadedExperience experience, Assembly testAssembly, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var (limit, slot) = await services.Slots.AcquireAsync(testAssembly, cancellationToken).ConfigureAwait(false);
        using (slot)
        {
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Experience slot after {waited.Elapsed.TotalSeconds:0.0} s ({limit.Describe(XunitConcurrency.For(testAssembly))})."));
            var terminal = TerminalProgress.Current;
            var name = experience.Request.Settings.Name ?? Path.GetFileName(experience.Request.ComposeFile);
            var observer = new LiveOutputObserver(report, progress: terminal is null ? null : line => terminal.WriteLine($"[ReSim {name}] {line}"));
            try
            {
                return await services.Run(experience, observer, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                observer.Close();
            }
        }
    }

    private void Report(ExperienceResult result, Assembly testAssembly)
    {
        report.WriteLine(result.ToSummaryTable());
        report.WriteLine($"Results of run {result.RunId}: {result.ResultsDirectory}");
        foreach (var warning in result.Warnings)
        {
            report.Warn(warning);
        }

        foreach (var service in result.Services)
        {
            foreach (var gap in service.LogGaps)
            {
                report.Warn($"The log of service '{service.Name}' is not whole: {gap} ({service.LogFile})");
            }

            // A kept container's log ends at the verdict on purpose: a line of the output beside the kept lines, not a warning.
            if (service.LogKeptEnd is { } keptEnd)
            {
                report.WriteLine($"The log of service '{service.Name}' ends where its container was kept: {keptEnd} ({service.LogFile})");
            }
        }

        new ResultAttachments(report, AssemblyOptions.MaxAttachedOutputBytes(testAssembly), MaxLogBytes).AttachAll(result);
    }
}
