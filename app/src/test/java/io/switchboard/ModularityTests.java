package io.switchboard;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a feature module; modules use each other only through the
 * public types at their top and never in a cycle.
 */
class ModularityTests {

	@Test
	void featureModulesHaveNoCyclesAndUseOnlyEachOthersPublicApi() {
		ApplicationModules.of(SwitchboardApplication.class).verify();
	}

}
