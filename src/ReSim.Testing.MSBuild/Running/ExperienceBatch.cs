using System.Collections.Immutable;
using System.Text;
using System.Threading.Channels;
using Microsoft.Build.Framework;
using ReSim.Testing.MSBuild.Items;

namespace ReSim.Testing.MSBuild.Running;

/// <summary>Runs several experiences, at most a given number at once, each in its own results folder.</summary>
internal static class ExperienceBatch
{
    /// <summary>Runs every experience and gives their outcomes in item order.</summary>
    /// <param name="experiences">The experiences.</param>
    /// <param name="resultsRoot">The folder that gets one sub-folder per experience.</param>
    /// <param name="maxParallel">How many experiences may run at once; less than 1 means 1.</param>
    /// <param name="executor">Loads and runs one experience.</param>
    /// <param name="progress">Receives progress lines; completed when every experience has ended.</param>
    /// <param name="cancellationToken">Cancels every run; each still tears down what it created.</param>
    /// <returns>One outcome per experience.</returns>
    public static async Task<ImmutableArray<ExperienceOutcome>> RunAsync(
        IReadOnlyList<ExperienceItem> experiences,
        string resultsRoot,
        int maxParallel,
        IExperienceExecutor executor,
        ChannelWriter<ProgressLine> progress,
        CancellationToken cancellationToken)
    {
        var folders = AssignFolders(experiences, resultsRoot);
        using var slots = new SemaphoreSlim(Math.Max(1, maxParallel));
        try
        {
            var runs = experiences.Select((experience, i) => RunOneAsync(experience, resultsRoot, folders[i], executor, slots, progress, cancellationToken));
            return [.. await Task.WhenAll(runs).ConfigureAwait(false)];
        }
        finally
        {
            progress.TryComplete();
        }
    }

    /// <summary>Gives each experience its own folder under <paramref name="resultsRoot"/>, named after it and unique.</summary>
    /// <param name="experiences">The experiences.</param>
    /// <param name="resultsRoot">The parent folder.</param>
    /// <returns>One full path per experience, in item order.</returns>
    public static ImmutableArray<string> AssignFolders(IReadOnlyList<ExperienceItem> experiences, string resultsRoot)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var folders = ImmutableArray.CreateBuilder<string>(experiences.Count);
        foreach (var experience in experiences)
        {
            var stem = SafeFolderName(experience.Name);
            var name = stem;
            for (var n = 2; !used.Add(name); n++)
            {
                name = $"{stem}-{n}";
            }

            folders.Add(Path.GetFullPath(Path.Combine(resultsRoot, name)));
        }

        return folders.MoveToImmutable();
    }

    private static async Task<ExperienceOutcome> RunOneAsync(
        ExperienceItem experience,
        string resultsRoot,
        string folder,
        IExperienceExecutor executor,
        SemaphoreSlim slots,
        ChannelWriter<ProgressLine> progress,
        CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var profile = experience.Request.Profile;
            progress.TryWrite(new ProgressLine($"[{experience.Name}] starting {experience.ItemSpec}{(profile is null ? string.Empty : $" (profile {profile})")}", MessageImportance.High));
            return await executor.RunAsync(experience, resultsRoot, folder, new ProgressObserver(experience.Name, progress), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything but cancellation is a fault of ReSim.Testing or the machine, not a verdict: report it on the
            // experience it broke and let the others finish.
            return ExperienceOutcome.NotRun(experience, folder, $"ReSim.Testing failed unexpectedly ({e.GetType().Name}: {e.Message}). Run the build with -v:detailed and report it with the log.");
        }
        finally
        {
            slots.Release();
        }
    }

    private static string SafeFolderName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c);
        }

        // "." and ".." are names of the root and its parent, never of a folder inside the root.
        return builder.Length == 0 || builder.ToString() is "." or ".." ? "experience" : builder.ToString();
    }
}
