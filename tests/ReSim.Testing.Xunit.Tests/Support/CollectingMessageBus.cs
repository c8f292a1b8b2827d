using System.Collections.Concurrent;
using Xunit.Sdk;
using Xunit.v3;

namespace ReSim.Testing.Xunit.Tests.Support;

/// <summary>A message bus that keeps every message xUnit's runners send, for assertions on what a test reported.</summary>
public sealed class CollectingMessageBus : IMessageBus
{
    private readonly ConcurrentQueue<IMessageSinkMessage> messages = new();

    public IReadOnlyList<IMessageSinkMessage> Messages => messages.ToList();

    public T OnlyOne<T>()
        where T : IMessageSinkMessage => Assert.Single(messages.OfType<T>());

    public bool QueueMessage(IMessageSinkMessage message)
    {
        messages.Enqueue(message);
        return true;
    }

    public void Dispose()
    {
    }
}
