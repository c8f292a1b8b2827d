using System.Text.RegularExpressions;
using ReSim.Testing.Engine.HostFiles;

namespace ReSim.Testing.Reporting;

/// <summary>Removes the attachment files an earlier run of a test left in its folder of the test results, so a test's
/// attachments always come from one run.</summary>
/// <remarks>
/// With Microsoft.Testing.Platform, xUnit writes a test's attachments to <c>&lt;results directory&gt;/&lt;test unique ID&gt;/</c>
/// and never empties that folder: an output file of yesterday's run would sit beside today's. The results directory is
/// <c>--results-directory</c> when given, else <c>TestResults</c> beside the test assembly. Only files directly in the
/// folder of this test's own 64-hex-digit ID are removed; links are removed as links.
/// </remarks>
internal static partial class EarlierAttachments
{
    private const string ResultsDirectoryOption = "--results-directory";

    /// <summary>The test results directory the test platform writes attachments to.</summary>
    /// <param name="arguments">The test process's command line.</param>
    /// <param name="assemblyFolder">The test assembly's folder.</param>
    /// <returns>The absolute path of the results directory.</returns>
    public static string ResultsDirectory(IReadOnlyList<string> arguments, string assemblyFolder)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        for (var i = arguments.Count - 1; i >= 0; i--)
        {
            var argument = arguments[i];
            if (argument == ResultsDirectoryOption && i + 1 < arguments.Count)
            {
                return Path.GetFullPath(arguments[i + 1]);
            }

            if (argument.StartsWith(ResultsDirectoryOption, StringComparison.Ordinal) && argument.Length > ResultsDirectoryOption.Length + 1 && argument[ResultsDirectoryOption.Length] is '=' or ':')
            {
                return Path.GetFullPath(argument[(ResultsDirectoryOption.Length + 1)..]);
            }
        }

        return Path.Combine(assemblyFolder, "TestResults");
    }

    /// <summary>Removes the files in <paramref name="resultsDirectory"/>'s folder for <paramref name="testUniqueId"/>.</summary>
    /// <param name="resultsDirectory">The test results directory.</param>
    /// <param name="testUniqueId">The running test's unique ID.</param>
    /// <returns>The names of the files removed.</returns>
    public static IReadOnlyList<string> Clear(string resultsDirectory, string testUniqueId)
    {
        var folder = Path.Combine(resultsDirectory, testUniqueId);
        if (!TestId().IsMatch(testUniqueId) || HostFile.KindOf(folder) != HostFileKind.Directory)
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            if (HostFile.KindOf(file) is HostFileKind.RegularFile or HostFileKind.SymbolicLink)
            {
                File.Delete(file);
                removed.Add(Path.GetFileName(file));
            }
        }

        return removed;
    }

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex TestId();
}
