using Xunit.Sdk;
using Xunit.v3;

namespace ReSim.Testing.Execution;

/// <summary>One [ComposeExperience] test case: a test method run against one experience (one profile).</summary>
/// <remarks>
/// Serializable, so test explorers list and re-run each profile on its own. Runs itself: the experience runs
/// inside the test's own timing and failure reporting, then the method body runs after a passed experience.
/// </remarks>
public sealed class ComposeExperienceTestCase : XunitTestCase, ISelfExecutingXunitTestCase
{
    /// <summary>The trait that carries the profile.</summary>
    public const string ProfileTrait = "Profile";

    /// <summary>The trait that carries the compose file, as written in the attribute.</summary>
    public const string ComposeFileTrait = "ComposeFile";

    /// <summary>The trait every experience test has, with the value <see cref="CategoryValue"/>: <c>--filter-not-trait "Category=ComposeExperience"</c> runs the other tests without an engine.</summary>
    public const string CategoryTrait = "Category";

    /// <summary>The value of <see cref="CategoryTrait"/>.</summary>
    public const string CategoryValue = "ComposeExperience";

    private const string SpecKey = "rs.spec";

    private ExperienceTestSpec? spec;

    /// <summary>Called by the de-serializer; not for other use.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ComposeExperienceTestCase()
    {
    }

    /// <summary>Creates the test case for <paramref name="spec"/>.</summary>
    /// <param name="spec">What the case runs.</param>
    /// <param name="details">What xUnit says about the method and its attribute.</param>
    /// <param name="traits">The method's traits; the profile, the compose file and the category are added.</param>
    internal ComposeExperienceTestCase(ExperienceTestSpec spec, TestCaseDetails details, Dictionary<string, HashSet<string>> traits)
        : base(
            details.TestMethod,
            spec.DisplayName(details.DisplayName),
            spec.UniqueId(details.UniqueId),
            details.Explicit,
            testLabel: null,
            details.DisableParallelization,
            details.SkipExceptions,
            details.SkipReason,
            details.SkipType,
            details.SkipUnless,
            details.SkipWhen,
            traits,
            testMethodArguments: null,
            details.SourceFilePath,
            details.SourceLineNumber,
            details.Timeout)
    {
        this.spec = spec;
        AddTraits();
    }

    /// <summary>The compose file, as written in the attribute.</summary>
    public string ComposeFile => Spec.ComposeFile;

    /// <summary>The profile this case runs, or <see langword="null"/> for none.</summary>
    public string? Profile => Spec.Profile;

    internal ExperienceTestSpec Spec => spec ?? throw new InvalidOperationException("The test case was not initialized: its experience is unknown.");

    /// <inheritdoc />
    public ValueTask<RunSummary> Run(
        ExplicitOption explicitOption,
        IMessageBus messageBus,
        object?[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource,
        ParallelMode parallelMode,
        ExecutionScheduler scheduler,
        FixtureMappingManager methodFixtureMappings) =>
        Run(new TestCaseRunRequest(explicitOption, messageBus, constructorArguments, aggregator, cancellationTokenSource, parallelMode, scheduler, methodFixtureMappings), ExperienceServices.Default);

    /// <summary>Runs the case with the given services (the engine, the compose loader, the experience slots).</summary>
    /// <param name="request">What xUnit passes to a self-executing test case.</param>
    /// <param name="services">The services the run uses.</param>
    /// <returns>The run's summary.</returns>
    internal async ValueTask<RunSummary> Run(TestCaseRunRequest request, ExperienceServices services)
    {
        var tests = await CreateTests().ConfigureAwait(false);
        return await ComposeExperienceTestCaseRunner.Instance.Run(this, tests, request, services).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The test is created without xUnit's timeout: xUnit abandons a timed-out test and moves on, which could end
    /// the test process before the experience is torn down. The runner applies <see cref="XunitTestCase.Timeout"/>
    /// itself, by cancelling the experience and waiting for its teardown (R19).
    /// </remarks>
    public override ValueTask<IReadOnlyCollection<IXunitTest>> CreateTests() =>
        new([
            new XunitTest(
                this,
                TestMethod,
                Explicit,
                SkipReason,
                SkipType,
                SkipUnless,
                SkipWhen,
                TestCaseDisplayName,
                testIndex: 0,
                Traits.ToDictionary(t => t.Key, t => (IReadOnlyCollection<string>)t.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
                timeout: 0,
                testMethodArguments: [],
                TestLabel,
                DisableParallelization),
        ]);

    /// <inheritdoc />
    protected override void Serialize(IXunitSerializationInfo info)
    {
        base.Serialize(info);
        info.AddValue(SpecKey, Spec.ToJson());
    }

    /// <inheritdoc />
    protected override void Deserialize(IXunitSerializationInfo info)
    {
        base.Deserialize(info);
        spec = ExperienceTestSpec.FromJson(info.GetValue<string>(SpecKey) ?? throw new InvalidOperationException("A [ComposeExperience] test case was serialized without its experience; rebuild the test project and discover the tests again."));
    }

    private void AddTraits()
    {
        if (Spec.Profile is not null)
        {
            Trait(ProfileTrait).Add(Spec.Profile);
        }

        Trait(ComposeFileTrait).Add(Spec.ComposeFile);
        Trait(CategoryTrait).Add(CategoryValue);
    }

    private HashSet<string> Trait(string name)
    {
        if (!Traits.TryGetValue(name, out var values))
        {
            values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            Traits[name] = values;
        }

        return values;
    }
}
