package io.switchboard.bench.setup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints the HS256 tokens the server issues from {@code POST /api/auth/token}, with its
 * secret, so that thousands of sessions need no thousands of password checks.
 */
public final class TokenMinter {

	private static final String ISSUER = "switchboard";

	// Outlives any run; the server refuses frames once a session's token has expired.
	private static final Duration VALIDITY = Duration.ofHours(2);

	private final JWSSigner signer;

	private final Map<String, Long> userIds;

	/**
	 * @param userIds the run's users' ids by name
	 */
	public TokenMinter(String secret, Map<String, Long> userIds) {
		this.userIds = Map.copyOf(userIds);
		try {
			this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("the JWT secret must be at least 32 bytes", ex);
		}
	}

	/**
	 * A token for one of the run's users: its subject is the user's id, and its version
	 * that of a user whose password never changed.
	 */
	public String mint(String username) {
		return mint(username, List.of());
	}

	/**
	 * A token whose {@code roles} claim names the roles the user holds, as the server's
	 * own tokens do. The server takes a built-in account's roles from its database row,
	 * so the claim only keeps the token faithful.
	 */
	public String mint(String username, List<String> roles) {
		Long id = this.userIds.get(username);
		if (id == null) {
			throw new IllegalArgumentException("no bench user " + username);
		}
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(Long.toString(id))
			.claim("ver", 0)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(VALIDITY)))
			.claim("roles", roles)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("could not sign a token", ex);
		}
		return jwt.serialize();
	}

}
