using System.Collections.Immutable;
using System.Text;
using System.Threading.Channels;
using Microsoft.Build.Framework;
using ReSim.Testing.MSBuild.Items;

namespace ReSim.Testing.MSBuild.Running;

/// <summary>Runs several experiences, at most a given number at once, each in its own results folder.</summary>
internal static class ExperienceBatch
{
    /// <summary>Runs every request and gives their outcomes in request order.</summary>
    /// <param name="requests">The experiences.</param>
    /// <param name="resultsRoot">The folder that gets one sub-folder per experience.</param>
    /// <param name="maxParallel">How many experiences may run at once; less than 1 means 1.</param>
    /// <param name="executor">Loads and runs one experience.</param>
    /// <param name="progress">Receives progress lines; completed when every experience has ended.</param>
    /// <param name="cancellationToken">Cancels every run; each still tears down what it created.</param>
    /// <returns>One outcome per request.</returns>
    public static async Task<ImmutableArray<ExperienceOutcome>> RunAsync(
        IReadOnlyList<ExperienceRequest> requests,
        string resultsRoot,
        int maxParallel,
        IExperienceExecutor executor,
        ChannelWriter<ProgressLine> progress,
        CancellationToken cancellationToken)
    {
        var folders = AssignFolders(requests, resultsRoot);
        using var slots = new SemaphoreSlim(Math.Max(1, maxParallel));
        try
        {
            var runs = requests.Select((request, i) => RunOneAsync(request, folders[i], executor, slots, progress, cancellationToken));
            return [.. await Task.WhenAll(runs).ConfigureAwait(false)];
        }
        finally
        {
            progress.TryComplete();
        }
    }

    /// <summary>Gives each request its own folder under <paramref name="resultsRoot"/>, named after it and unique.</summary>
    /// <param name="requests">The experiences.</param>
    /// <param name="resultsRoot">The parent folder.</param>
    /// <returns>One full path per request, in request order.</returns>
    public static ImmutableArray<string> AssignFolders(IReadOnlyList<ExperienceRequest> requests, string resultsRoot)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var folders = ImmutableArray.CreateBuilder<string>(requests.Count);
        foreach (var request in requests)
        {
            var stem = SafeFolderName(request.Name);
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
        ExperienceRequest request,
        string folder,
        IExperienceExecutor executor,
        SemaphoreSlim slots,
        ChannelWriter<ProgressLine> progress,
        CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            progress.TryWrite(new ProgressLine($"[{request.Name}] starting {request.ItemSpec}{(request.Profile is null ? string.Empty : $" (profile {request.Profile})")}", MessageImportance.High));
            return await executor.RunAsync(request, folder, new ProgressObserver(request.Name, progress), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything but cancellation is a fault of ReSim.Testing or the machine, not a verdict: report it on the
            // experience it broke and let the others finish.
            return ExperienceOutcome.NotRun(request, folder, $"ReSim.Testing failed unexpectedly ({e.GetType().Name}: {e.Message}). Run the build with -v:detailed and report it with the log.");
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

        return builder.Length == 0 ? "experience" : builder.ToString();
    }
}
