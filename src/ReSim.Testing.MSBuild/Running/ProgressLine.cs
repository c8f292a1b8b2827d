using Microsoft.Build.Framework;

namespace ReSim.Testing.MSBuild.Running;

/// <summary>One line of progress for the build log, made on an engine thread and logged on the task's thread.</summary>
/// <param name="Text">The line.</param>
/// <param name="Importance">How important it is: state changes are high, container output low.</param>
internal sealed record ProgressLine(string Text, MessageImportance Importance);
