using ReSim.Testing.Engine.Model;
using ReSim.Testing.Execution;

namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>Reads a test case's settings as the case will when it runs, failing the test if they do not read.</summary>
internal static class SpecSettings
{
    public static ExperienceSettings Typed(this ExperienceTestSpec spec)
    {
        var parsed = spec.Read(Directory.GetCurrentDirectory());
        Assert.True(parsed.IsValid, string.Join(" ", parsed.Problems));
        return parsed.Settings;
    }
}
