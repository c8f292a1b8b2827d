using Microsoft.Build.Framework;

namespace ReSim.Testing.MSBuild.Reporting;

/// <summary>A high-importance message that MSBuild's Terminal Logger shows the moment it is logged, not when the project ends.</summary>
/// <remarks>
/// The Terminal Logger holds a project's messages until the project finishes, except "test output": an extended
/// message of type <c>TLTESTOUTPUT</c> in a project it knows runs tests (one where the SDK's empty
/// <c>_TestRunStart</c> target ran, which <c>RunComposeExperiences</c> depends on). VSTest and the Microsoft.Testing.Platform
/// task use the same route. Other loggers (console, binary log) see an ordinary high-importance message.
/// </remarks>
internal static class LiveMessage
{
    /// <summary>The extended type the Terminal Logger renders at once.</summary>
    public const string TestOutputType = "TLTESTOUTPUT";

    /// <summary>Makes the message.</summary>
    /// <param name="text">The line.</param>
    /// <returns>The event to log with <see cref="IBuildEngine.LogMessageEvent"/>.</returns>
    public static BuildMessageEventArgs Create(string text) =>
        new ExtendedBuildMessageEventArgs(TestOutputType, text, helpKeyword: null, senderName: "RunComposeExperience", MessageImportance.High);
}
