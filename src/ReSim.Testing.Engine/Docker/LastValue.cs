namespace ReSim.Testing.Engine.Docker;

/// <summary>Keeps the last value a progress-reporting Docker call hands out, synchronously.</summary>
/// <typeparam name="T">The value's type.</typeparam>
internal sealed class LastValue<T> : IProgress<T>
    where T : class
{
    /// <summary>The last value reported, or <see langword="null"/>.</summary>
    public T? Value { get; private set; }

    /// <inheritdoc />
    public void Report(T value) => Value = value;
}
