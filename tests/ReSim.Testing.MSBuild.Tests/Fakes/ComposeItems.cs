using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ReSim.Testing.MSBuild.Tests.Fakes;

/// <summary>Builds <c>ComposeExperience</c> items the way a project file declares them.</summary>
internal static class ComposeItems
{
    public static ITaskItem Experience(string include, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(include);
        foreach (var (name, value) in metadata)
        {
            item.SetMetadata(name, value);
        }

        return item;
    }
}
