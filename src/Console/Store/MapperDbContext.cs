using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Mapper.Console.Store;

/// <summary>
/// The console's store: accounts and roles (Identity), API tokens, the audit log (which also holds every
/// change of what is live), the SLIs minute by minute, every alert transition, and the regression cases saved from the playground. One SQLite file; one context per operation (<see cref="IDbContextFactory{TContext}"/>).
/// </summary>
public sealed class MapperDbContext(DbContextOptions<MapperDbContext> options) : IdentityDbContext<MapperUser, IdentityRole, string>(options)
{
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<ApiToken> Tokens => Set<ApiToken>();

    public DbSet<SliMinute> SliMinutes => Set<SliMinute>();

    public DbSet<AlertTransition> AlertTransitions => Set<AlertTransition>();

    public DbSet<RegressionCase> RegressionCases => Set<RegressionCase>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MapperDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no time type: store every instant as fixed-width UTC text, readable and ordered like time.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTextConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTextConverter>();
    }
}
