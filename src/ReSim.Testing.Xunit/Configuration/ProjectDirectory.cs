using System.Reflection;

namespace ReSim.Testing.Configuration;

/// <summary>The test project's folder, which relative paths in [ComposeExperience] are resolved against, and how it was found.</summary>
/// <param name="Path">The folder.</param>
/// <param name="HowFound">How it was found, as failure messages name it.</param>
/// <remarks>
/// The robust source is the <c>ReSim.Testing.ProjectDirectory</c> assembly metadata that the package's
/// <c>buildTransitive/ReSim.Testing.Xunit.props</c> writes at build time: it holds whatever the working
/// directory is. Without it (a ProjectReference consumer that did not import the props), the folder is
/// the nearest one above the test assembly that holds the project file, then any project file; then the
/// test assembly's own folder.
/// </remarks>
internal sealed record ProjectDirectory(string Path, string HowFound)
{
    /// <summary>The assembly metadata key the package's props file writes.</summary>
    public const string MetadataKey = "ReSim.Testing.ProjectDirectory";

    /// <summary>Finds the project folder of <paramref name="testAssembly"/>.</summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <returns>The folder and how it was found.</returns>
    public static ProjectDirectory Of(Assembly testAssembly)
    {
        var recorded = BuildMetadata.Value(testAssembly, MetadataKey);
        if (!string.IsNullOrEmpty(recorded) && Directory.Exists(recorded))
        {
            return new(recorded, $"recorded at build time in the test assembly's {MetadataKey} metadata");
        }

        var assemblyFolder = System.IO.Path.GetDirectoryName(testAssembly.Location);
        if (string.IsNullOrEmpty(assemblyFolder))
        {
            return new(AppContext.BaseDirectory, "the test process's base folder (the test assembly has no location on disk)");
        }

        return FromAssemblyFolder(assemblyFolder, testAssembly.GetName().Name ?? string.Empty);
    }

    /// <summary>Walks up from <paramref name="assemblyFolder"/> to the folder holding the project file.</summary>
    /// <param name="assemblyFolder">The folder the test assembly is in.</param>
    /// <param name="assemblyName">The test assembly's name, which is usually the project file's.</param>
    /// <returns>The folder and how it was found.</returns>
    public static ProjectDirectory FromAssemblyFolder(string assemblyFolder, string assemblyName)
    {
        var named = Above(assemblyFolder, folder => File.Exists(System.IO.Path.Combine(folder, assemblyName + ".csproj")));
        if (named is not null)
        {
            return new(named, $"the nearest folder above the test assembly that holds {assemblyName}.csproj");
        }

        var any = Above(assemblyFolder, folder => Directory.EnumerateFiles(folder, "*.*proj").Any());
        if (any is not null)
        {
            return new(any, "the nearest folder above the test assembly that holds a project file");
        }

        return new(assemblyFolder, "the test assembly's folder (no project file was found above it)");
    }

    /// <summary>Resolves <paramref name="path"/> against this folder; an absolute path stays as it is.</summary>
    /// <param name="path">The path as written.</param>
    /// <returns>The full path.</returns>
    public string Resolve(string path) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, path));

    private static string? Above(string start, Func<string, bool> matches)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (matches(folder.FullName))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
