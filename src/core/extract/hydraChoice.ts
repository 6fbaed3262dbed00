/**
 * A Hydra config group added on a command line (hydra.cc, "Override grammar": `+configs=an4` appends the option `an4`
 * of the group `configs`, which the primary config's defaults do not name): the option's file is
 * `<group>/<option>.yaml` under the program's config folder. Appending is how Hydra's guide runs an experiment
 * ("Configuring Experiments": `python my_app.py +experiment=aplite`, each file of the group one experiment); a plain
 * choice (`pipeline=cifar model=s4`) swaps one part of the run the defaults already compose, a fragment, not the run.
 * Group and option are plain names (a dotted key, `+trainer.gpus=4`, adds a value, not a group).
 */
const HYDRA_GROUP_ADDED = /^\+{1,2}([A-Za-z_]\w{0,60}(?:\/[A-Za-z_]\w{0,60}){0,3})=([A-Za-z_][\w-]{0,100})$/;

/** The config file a Hydra group addition names (`+configs=an4` → `configs/an4.yaml`), or undefined. */
export function hydraChoiceFile(word: string): string | undefined {
  const m = HYDRA_GROUP_ADDED.exec(word.replace(/^["']|["']$/g, ''));
  return m ? `${m[1]}/${m[2]}.yaml` : undefined;
}
