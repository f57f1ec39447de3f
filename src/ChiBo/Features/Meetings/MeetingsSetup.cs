namespace ChiBo.Features.Meetings;

public static class MeetingsSetup
{
    /// <summary>The minutes' seals: their key (held as Data Protection ciphertext), the sealing and the checking. The app's
    /// start-up seals older minutes once, so anything that runs that start-up (the app, the benchmark's schema step) needs them.</summary>
    public static IServiceCollection AddMinutesSeal(this IServiceCollection services)
    {
        services.AddScoped<SealKeys>();
        services.AddScoped<MinutesSeal>();
        services.AddScoped<MinutesIntegrity>();
        return services;
    }
}
