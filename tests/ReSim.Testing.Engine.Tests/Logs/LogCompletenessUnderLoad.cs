namespace ReSim.Testing.Engine.Tests.Logs;

/// <summary>The log completeness tests run alone, under <see cref="BusyEngine"/>'s load, so the load is theirs and no other test's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LogCompletenessUnderLoad : ICollectionFixture<BusyEngine>
{
    public const string Name = "Log completeness under load";
}
