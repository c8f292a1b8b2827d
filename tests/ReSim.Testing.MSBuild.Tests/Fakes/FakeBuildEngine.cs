using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Build.Framework;

namespace ReSim.Testing.MSBuild.Tests.Fakes;

/// <summary>A build engine that records what a task logs, with file, line, column and code, counts yields, and has the global properties a test gives it.</summary>
public sealed class FakeBuildEngine : IBuildEngine6
{
    private readonly ConcurrentQueue<BuildErrorEventArgs> errors = new();
    private readonly ConcurrentQueue<BuildWarningEventArgs> warnings = new();
    private readonly ConcurrentQueue<BuildMessageEventArgs> messages = new();
    private readonly ConcurrentQueue<int> loggingThreads = new();

    public IReadOnlyList<BuildErrorEventArgs> Errors => [.. errors];

    public IReadOnlyList<BuildWarningEventArgs> Warnings => [.. warnings];

    public IReadOnlyList<BuildMessageEventArgs> Messages => [.. messages];

    /// <summary>The managed thread of every logging call, to check the task logs on its own thread.</summary>
    public IReadOnlyList<int> LoggingThreads => [.. loggingThreads];

    public int Yields { get; private set; }

    public int Reacquires { get; private set; }

    public bool IsYielded => Yields > Reacquires;

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 7;

    public int ColumnNumberOfTaskNode => 5;

    public string ProjectFileOfTaskNode => "/fake/Consumer.csproj";

    public bool IsRunningMultipleNodes => false;

    public void LogErrorEvent(BuildErrorEventArgs e)
    {
        loggingThreads.Enqueue(Environment.CurrentManagedThreadId);
        errors.Enqueue(e);
    }

    public void LogWarningEvent(BuildWarningEventArgs e)
    {
        loggingThreads.Enqueue(Environment.CurrentManagedThreadId);
        warnings.Enqueue(e);
    }

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        loggingThreads.Enqueue(Environment.CurrentManagedThreadId);
        messages.Enqueue(e);
    }

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    /// <summary>The build's global properties (<c>-p:</c> on the command line).</summary>
    public Dictionary<string, string> GlobalProperties { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string> GetGlobalProperties() => GlobalProperties;

    public void LogTelemetry(string eventName, IDictionary<string, string> properties)
    {
    }

    public void RegisterTaskObject(object key, object obj, RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection) =>
        throw new NotSupportedException("The ReSim tasks register no objects.");

    public object GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) =>
        throw new NotSupportedException("The ReSim tasks register no objects.");

    public object UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime) =>
        throw new NotSupportedException("The ReSim tasks register no objects.");

    public void Yield() => Yields++;

    public void Reacquire() => Reacquires++;

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("The ReSim tasks build no other project.");

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) =>
        throw new NotSupportedException("The ReSim tasks build no other project.");

    public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) =>
        throw new NotSupportedException("The ReSim tasks build no other project.");

    public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) =>
        throw new NotSupportedException("The ReSim tasks build no other project.");
}
